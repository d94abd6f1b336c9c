"""How far two hand-lists of the same texts agree, by the rule that scores the extractor.

    python benchmarks/agreement.py FIRST_FOLDER SECOND_FOLDER

Each folder holds one sub-folder per text, as `benchmarks/real_texts.py` reads them; texts are paired by
sub-folder name and must be the same text. The second list is scored against the first exactly as the
extractor is: recall is the share of the first list's figures that the second list also holds, precision
the share of the second list's figures that the first holds, bound agreement the share of matched pairs
whose bound is the same. If two careful people agree only so far, no extractor can be measured above it.
"""

import argparse
from pathlib import Path

from real_texts import Score, read_key, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    total = Score()
    print("| text | first list | second list | matched | recall | precision | bound agreement |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for second in sorted(p for p in args.second.iterdir() if (p / "READY").exists()):
        first = args.first / second.name
        if (first / "text.txt").read_text(encoding="utf-8") != (second / "text.txt").read_text(encoding="utf-8"):
            raise SystemExit(f"{second}: not the same text as {first}")
        s, *_ = score(read_key(first), read_key(second))
        total.add(s)
        print(f"| {second.name} | {s.row()} |")
    print(f"| **all** | {total.row()} |")


if __name__ == "__main__":
    main()
