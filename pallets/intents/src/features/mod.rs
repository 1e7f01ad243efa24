//! The pallet's logic, one file per feature; `lib.rs` only checks origins and calls in here.

mod chains;
mod discovery;
mod expiry;
mod intents;
mod lifecycle;
mod matching;
mod offers;
