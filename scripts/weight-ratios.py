#!/usr/bin/env python3
"""Reports benchmarked weights as ratios to `pallet_balances::transfer_keep_alive`.

Reads the `// summary:` lines that scripts/frame-weight-template.hbs appends to every generated
weights file (the benchmark CLI's own median-slope analysis, as CSV) and prints a Markdown table:
for every extrinsic its worst-case ref time (components at their maximum, database reads and
writes at ParityDB's weights) and proof size, each divided by those of `transfer_keep_alive`
from the same run.
"""
import collections
import sys

READ_PS = 8_000 * 1_000    # ParityDbWeight: 8 µs per read
WRITE_PS = 50_000 * 1_000  # ParityDbWeight: 50 µs per write

rows = collections.defaultdict(lambda: {"max": {}, "slope": {}, "reads": {}, "writes": {}})
for path in sys.argv[1:]:
    with open(path) as summary:
        for line in summary:
            if not line.startswith("// summary:"):
                continue
            parts = line[len("// summary:"):].strip().split(",")
            if len(parts) < 4:
                continue
            kind, pallet, name = parts[0], parts[1], parts[2]
            entry = rows[(pallet, name)]
            number = lambda text: int(text.replace("_", ""))
            if kind == "component":
                entry["max"][parts[3]] = number(parts[4])
            elif kind == "base":
                entry["base"] = number(parts[3])
                entry["base_reads"] = number(parts[4])
                entry["base_writes"] = number(parts[5])
                entry["base_proof"] = number(parts[6])
            elif kind in ("slope", "reads", "writes", "proof"):
                entry.setdefault(kind, {})[parts[3]] = number(parts[4])


def worst_case(entry):
    at_max = lambda slopes: sum(s * entry["max"].get(c, 0) for c, s in slopes.items())
    reads = entry.get("base_reads", 0) + at_max(entry["reads"])
    writes = entry.get("base_writes", 0) + at_max(entry["writes"])
    ref_time = entry.get("base", 0) + at_max(entry["slope"]) + reads * READ_PS + writes * WRITE_PS
    proof = entry.get("base_proof", 0) + at_max(entry.get("proof", {}))
    return ref_time, proof


reference = rows.get(("pallet_balances", "transfer_keep_alive"))
if reference is None:
    sys.exit("no pallet_balances::transfer_keep_alive in the summaries")
ref_time, ref_proof = worst_case(reference)
print(f"Reference: pallet_balances::transfer_keep_alive = {ref_time:,} ps ref time, {ref_proof:,} bytes proof\n")
print("| pallet | extrinsic | worst-case ref time (ps) | × transfer_keep_alive | proof (bytes) | × proof |")
print("|---|---|---:|---:|---:|---:|")
for (pallet, name), entry in sorted(rows.items()):
    time, proof = worst_case(entry)
    proof_ratio = f"{proof / ref_proof:.2f}" if ref_proof else "-"
    print(f"| {pallet} | {name} | {time:,} | {time / ref_time:.2f} | {proof:,} | {proof_ratio} |")
