//! The pallet's logic, one file per feature; `lib.rs` only checks origins and calls in here.

mod bids;
mod open;
mod settle;
mod views;
