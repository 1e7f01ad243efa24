//! One module per command group; each parses its arguments, calls the library and prints.

pub(crate) mod did;
pub(crate) mod market;
pub(crate) mod registry;
