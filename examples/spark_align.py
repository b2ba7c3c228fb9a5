#!/usr/bin/env python3
"""Align many document pairs with Spark, piping them through `tralign batch --jsonl`.

usage: spark_align.py PAIRS.jsonl OUT_DIR [--tralign PATH] [--master URL] [--partitions N]

PAIRS.jsonl holds one document pair a line:
    {"id": "a1", "left": "...", "right": "...", "langs": ["de", "en"], "presplit": false}
Each Spark partition starts one `tralign batch --jsonl` process, writes its
lines to the process's standard input and reads one alignment a line back:
    {"id": "a1", "beads": [[[0], [0]], [[1, 2], [1]]], "confidence": [0.99, 0.9]}
or, for a line tralign cannot use, {"id": ..., "line": N, "error": "..."}.
The alignments are saved as text files under OUT_DIR (part-00000, ...).

On a cluster, ship the binary with the job (spark-submit --files tralign) and
pass --tralign ./tralign; the same command line serves as a Hadoop Streaming
mapper (-mapper "tralign batch --jsonl").
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", help="JSON lines of document pairs")
    parser.add_argument("out_dir", help="folder for the JSON lines of alignments (must not exist)")
    parser.add_argument("--tralign", default="tralign", help="path of the tralign binary")
    parser.add_argument("--master", default="local[2]", help="Spark master URL")
    parser.add_argument("--partitions", type=int, default=2, help="minimum number of partitions")
    args = parser.parse_args()

    spark = SparkSession.builder.master(args.master).appName("tralign-align").getOrCreate()
    try:
        spark.sparkContext.setLogLevel("ERROR")
        pairs = spark.sparkContext.textFile(args.pairs, minPartitions=args.partitions)
        command = shlex.join([args.tralign, "batch", "--jsonl"])
        pairs.pipe(command).saveAsTextFile(args.out_dir)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
