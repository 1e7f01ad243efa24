//! The pallet's logic, one file per feature; `lib.rs` only checks origins and calls in here.

mod delegation;
mod keys;
mod lifecycle;
mod resolve;
mod services;
