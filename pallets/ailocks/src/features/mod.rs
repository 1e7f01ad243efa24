//! The pallet's logic, one file per feature; `lib.rs` only checks origins and calls in here.

mod boost;
mod discovery;
mod evolution;
mod lists;
mod registry;
mod validation;
