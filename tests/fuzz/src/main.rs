//! A fuzzing campaign: runs seed after seed until the time is up and prints the executions, the
//! distinct call outcomes reached (the coverage measure) and every finding with the seed and
//! block that replay it (`ailock-fuzz --seed S --runs 1`).
//!
//! `ailock-fuzz [--seconds N] [--seed FIRST] [--runs R] [--blocks B] [--per-block T]`

use std::time::{Duration, Instant};

fn main() {
	let mut seconds = 60u64;
	let mut seed = 1u64;
	let mut runs = u64::MAX;
	let mut blocks = 200u64;
	let mut per_block = 12usize;
	let mut args = std::env::args().skip(1);
	while let Some(flag) = args.next() {
		let value = args.next().and_then(|v| v.parse::<u64>().ok());
		match (flag.as_str(), value) {
			("--seconds", Some(v)) => seconds = v,
			("--seed", Some(v)) => seed = v,
			("--runs", Some(v)) => runs = v,
			("--blocks", Some(v)) => blocks = v,
			("--per-block", Some(v)) => per_block = v as usize,
			_ => {
				eprintln!("usage: ailock-fuzz [--seconds N] [--seed S] [--runs R] [--blocks B] [--per-block T]");
				std::process::exit(2);
			},
		}
	}
	let deadline = Instant::now() + Duration::from_secs(seconds);
	let mut total = ailock_fuzz::Report::default();
	let mut done = 0u64;
	while done < runs && Instant::now() < deadline {
		total.absorb(ailock_fuzz::run(seed.wrapping_add(done), blocks, per_block));
		done += 1;
	}
	println!("runs: {done} (seeds {seed}..{})", seed.wrapping_add(done));
	println!("blocks: {}", total.blocks);
	println!("executions: {} ({} dispatched successfully)", total.executions, total.succeeded);
	println!("distinct call outcomes: {}", total.outcomes.len());
	for outcome in &total.outcomes {
		println!("  {outcome}");
	}
	println!("findings: {}", total.findings.len());
	for finding in &total.findings {
		println!("  {finding}");
	}
	if !total.findings.is_empty() {
		std::process::exit(1);
	}
}
