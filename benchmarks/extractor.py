"""The extractor on hostile input: does its time grow linearly with the text, and stay within bounds?

    python benchmarks/extractor.py     (also run by `make bench`, through benchmarks/run.py)

Each input is one short pattern repeated to 10 KB, 100 KB and 1 MB of UTF-8. For each size the
extractor runs REPEATS times (a 10 KB text in a loop of ten) and the least CPU time of the process is
kept: CPU time, not wall time, because the machine is shared and the extractor runs on one thread,
and the least of several timings, because other load only ever adds time. Targets: the time per byte
at 1 MB is at most twice that at 10 KB (linear time), 1 MB of any input takes under 2 s, and
ordinary report text (the article, repeated to 1 MB) is read at 2 MB/s or more.
"""

import json
from pathlib import Path
import time

from fujian_fpa import paths
from fujian_fpa.quantities import extract

REPEATS = 3
SIZES = (10_000, 100_000, 1_000_000)
TARGETS = {"growth_per_byte": 2.0, "seconds_at_1mb": 2.0, "normal_mb_per_s": 2.0}


def _multipliers(size: int) -> str:
    return "9" + "万" * ((size - 4) // 3) + "元"


# name: (what it is, a function from a size in bytes to a text of about that size)
INPUTS = {
    "digits": ("one unbroken run of digits", lambda n: "1234567890" * (n // 10)),
    "chinese_numerals": ("one run of Chinese numerals", lambda n: "一二三四五六七八九十" * (n // 30)),
    "thousands": ("1,111,1,111,… (separators in the wrong places)", lambda n: "1,111," * (n // 6)),
    "dotted": ("1.1.1.1… (an address, not a number)", lambda n: "1.1." * (n // 4)),
    "spaced_groups": ("1 111 1 111 … (digit groups split by spaces)", lambda n: "1 111 " * (n // 6)),
    "multipliers": ("9万万万…元 (a number of a million digits)", _multipliers),
    "percent_words": ("百分之 and a Chinese decimal, repeated", lambda n: "百分之十二点五，" * (n // 24)),
    "dense_ranges": ("3至3至… (a number every 4 bytes)", lambda n: "3至" * (n // 4)),
    "mixed_parts": ("1万1万1万… (one mixed numeral of endless parts)", lambda n: "1万" * (n // 4)),
    "mixed_ranges": ("1万5千至1万5千至… (mixed numerals joined as ranges)", lambda n: "1万5千至" * (n // 14)),
    "unclosed_marks": ("《“《“… (titles and quotes never closed)", lambda n: "《“" * (n // 6)),
    "line_breaks": ("字\\n字\\n… (a layout break on every line)", lambda n: "字\n" * (n // 4)),
    "footnotes": ("注1,注1,… (a footnote mark before every comma)", lambda n: "注1," * (n // 5)),
    "tenths": ("a share in tenths (about three tenths) every 9 bytes", lambda n: "约三成" * (n // 9)),
}


def cpu_seconds(text: str) -> float:
    """The least CPU time of REPEATS timings; a short text is run in a loop of about 100 KB in all."""
    loops = max(1, 100_000 // len(text.encode("utf-8")))
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        for _ in range(loops):
            extract(text)
        best = min(best, (time.process_time() - started) / loops)
    return best


def measure() -> dict:
    """Seconds and nanoseconds per byte for each input at each size, and the normal-text throughput."""
    extract("热身：3.5亿元，百分之十。")  # compile the patterns before timing
    results = {}
    for name, (what, make) in INPUTS.items():
        sizes = {}
        for size in SIZES:
            text = make(size)
            seconds = cpu_seconds(text)
            nbytes = len(text.encode("utf-8"))
            sizes[str(size)] = {"bytes": nbytes, "seconds": seconds, "ns_per_byte": seconds / nbytes * 1e9}
        first, last = sizes[str(SIZES[0])], sizes[str(SIZES[-1])]
        results[name] = {
            "what": what,
            "sizes": sizes,
            "growth_per_byte": last["ns_per_byte"] / first["ns_per_byte"],
            "seconds_at_1mb": last["seconds"],
        }
    article = paths.ARTICLE.read_text(encoding="utf-8")
    normal = article * (SIZES[-1] // len(article.encode("utf-8")) + 1)
    normal_mb_per_s = len(normal.encode("utf-8")) / 1e6 / cpu_seconds(normal)
    verdicts = {
        "growth_per_byte": max(r["growth_per_byte"] for r in results.values()) <= TARGETS["growth_per_byte"],
        "seconds_at_1mb": max(r["seconds_at_1mb"] for r in results.values()) < TARGETS["seconds_at_1mb"],
        "normal_mb_per_s": normal_mb_per_s >= TARGETS["normal_mb_per_s"],
    }
    return {"inputs": results, "normal_mb_per_s": normal_mb_per_s, "targets": TARGETS, "met": verdicts}


def table(r: dict) -> str:
    lines = [
        "| input | ns/byte at 10 KB | at 100 KB | at 1 MB | 1 MB / 10 KB (≤ 2) | s at 1 MB (< 2) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in r["inputs"].items():
        per_byte = [row["sizes"][str(size)]["ns_per_byte"] for size in SIZES]
        growth_ok = "" if row["growth_per_byte"] <= TARGETS["growth_per_byte"] else " NO"
        time_ok = "" if row["seconds_at_1mb"] < TARGETS["seconds_at_1mb"] else " NO"
        lines.append(
            f"| {name}: {row['what']} | {per_byte[0]:.0f} | {per_byte[1]:.0f} | {per_byte[2]:.0f} | "
            f"{row['growth_per_byte']:.2f}{growth_ok} | {row['seconds_at_1mb']:.2f}{time_ok} |"
        )
    normal_ok = "yes" if r["met"]["normal_mb_per_s"] else "NO"
    lines.append(f"Ordinary report text: {r['normal_mb_per_s']:.1f} MB/s (target ≥ 2: {normal_ok}).")
    missed = [k for k, ok in r["met"].items() if not ok]
    lines.append("Every extractor target met." if not missed else f"Extractor targets missed: {', '.join(missed)}.")
    return "\n".join(lines)


def main() -> None:
    results = measure()
    print(table(results))
    out = Path(__file__).parent / "extractor_results.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
