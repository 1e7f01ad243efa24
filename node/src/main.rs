//! `ailock-node`: the Ailock Network node.

// `sc_cli::Error` and `sc_service::Error` are the SDK's; every node returns them as they are.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
