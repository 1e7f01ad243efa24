#!/usr/bin/env python3
"""Fails when Cargo.lock resolves a polkadot-sdk crate to a version outside release stable2609.

The versions of every crate of the release are in scripts/polkadot-sdk-stable2609.toml.
A crate resolved to another version (say, a patch release that belongs to a later SDK release)
would mix releases; pin it with `cargo update -p <crate> --precise <version>`.
"""
import pathlib
import sys
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
release = tomllib.loads((root / "scripts/polkadot-sdk-stable2609.toml").read_text())["versions"]
lock = tomllib.loads((root / "Cargo.lock").read_text())

checked, wrong = 0, []
for package in lock["package"]:
    expected = release.get(package["name"])
    if expected is None:
        continue
    checked += 1
    if package["version"] != expected:
        wrong.append(f'{package["name"]} {package["version"]} (stable2609 has {expected})')

if wrong:
    print("Cargo.lock mixes polkadot-sdk releases:\n  " + "\n  ".join(wrong), file=sys.stderr)
    sys.exit(1)
print(f"{checked} polkadot-sdk crates, all from stable2609")
