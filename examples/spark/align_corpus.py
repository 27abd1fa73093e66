#!/usr/bin/env python3
"""Align a corpus of article pairs on Apache Spark with `selaras stream`.

Reads article pairs — JSON Lines or Parquet with the columns doc, src, tgt
(and optionally src_lang, tgt_lang, sentences) — from any path Spark reads
(local, HDFS, S3A, GCS…), pipes each partition through `selaras stream`
(RDD.pipe), and writes

    OUTPUT/beads/doc=…/part-….parquet   the sentence pairs, partitioned by doc
    OUTPUT/failed/part-….json           one line a record selaras refused

The binary reaches the executors with --files (it lands in each executor's
working folder, or SparkFiles in local mode):

    spark-submit --master local[2] --files target/release/selaras \\
        examples/spark/align_corpus.py pairs.jsonl out/ -- --only-flagged

Arguments after `--` go to `selaras stream` (--dict needs the word list on
every executor: ship it with --files too and give its bare name).
"""

import argparse
import shlex
import sys
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)
from pyspark.storagelevel import StorageLevel

# The fields of `selaras stream`'s lines: a bead, or an error for a record.
LINE = StructType(
    [
        StructField("doc", StringType()),
        StructField("pair", LongType()),
        StructField("type", StringType()),
        StructField("src_idx", ArrayType(LongType())),
        StructField("tgt_idx", ArrayType(LongType())),
        StructField("source", StringType()),
        StructField("target", StringType()),
        StructField("score", DoubleType()),
        StructField("flags", ArrayType(StringType())),
        StructField("notes", ArrayType(StringType())),
        StructField("error", StringType()),
        StructField("line", LongType()),
    ]
)

COLUMNS = ["doc", "src", "tgt", "src_lang", "tgt_lang", "sentences"]


def arguments(argv):
    stream_args = []
    if "--" in argv:
        k = argv.index("--")
        argv, stream_args = argv[:k], argv[k + 1 :]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="article pairs: a file or folder, any Hadoop-compatible path")
    ap.add_argument("output", help="the folder to write beads/ and failed/ in")
    ap.add_argument(
        "--input-format",
        choices=["json", "parquet"],
        help="default: parquet for a path ending in .parquet, else JSON Lines",
    )
    ap.add_argument(
        "--partitions",
        type=int,
        help="split the input into this many partitions before aligning "
        "(default: as read, but at least 4 a core)",
    )
    ap.add_argument(
        "--selaras",
        default="selaras",
        help="the binary: a name shipped with --files (default), or an absolute "
        "path installed on every node",
    )
    ap.add_argument(
        "--flat",
        action="store_true",
        help="write beads/ as plain Parquet files with doc as a column, not a folder "
        "a document (for millions of documents: far fewer, bigger files)",
    )
    ap.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    args = ap.parse_args(argv)
    args.stream_args = stream_args
    return args


def records(spark, args):
    """The input as JSON lines, one article pair each. JSON Lines are piped
    as they are, so a line that is no JSON reaches selaras and comes back as
    an error line instead of vanishing in Spark's parser."""
    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "json")
    if fmt == "json":
        return spark.read.text(args.input).rdd.map(lambda row: row.value)
    df = spark.read.parquet(args.input)
    record = F.to_json(F.struct(*[c for c in COLUMNS if c in df.columns]))
    return df.select(record.alias("value")).rdd.map(lambda row: row.value)


def shipped(spark, name):
    """Where a file shipped with --files is for the pipe: an executor's
    working folder on a cluster, the driver's SparkFiles folder in local mode
    (its executors share the driver's). A path with a folder is taken as is."""
    if "/" in name:
        return name
    if spark.sparkContext.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


def command(spark, args):
    """The pipe's command line. The binary runs with an empty environment
    (RDD.pipe's default); exit 1 (some records refused, each reported in its
    own line) is a success here, anything else fails the task so Spark
    retries it, and no record is lost silently."""
    stream_args = list(args.stream_args)
    for k, arg in enumerate(stream_args):
        # Word lists travel with --files like the binary.
        if arg.startswith("--dict="):
            stream_args[k] = "--dict=" + shipped(spark, arg[len("--dict=") :])
        elif k > 0 and stream_args[k - 1] == "--dict":
            stream_args[k] = shipped(spark, arg)
    threads = spark.conf.get("spark.task.cpus", "1")
    argv = [shipped(spark, args.selaras), "stream", "--threads", threads] + stream_args
    script = '"$@"; s=$?; [ $s -le 1 ] || { echo "selaras stream exited with $s" >&2; exit $s; }'
    return shlex.join(["/bin/sh", "-c", script, "selaras"] + argv)


def main(argv):
    args = arguments(argv)
    spark = SparkSession.builder.appName("selaras align_corpus").getOrCreate()
    start = time.monotonic()
    lines = records(spark, args)
    wanted = args.partitions or max(lines.getNumPartitions(), 4 * spark.sparkContext.defaultParallelism)
    if wanted != lines.getNumPartitions():
        lines = lines.repartition(wanted)
    out = lines.pipe(command(spark, args), checkCode=True)
    parsed = spark.read.schema(LINE).json(out).persist(StorageLevel.MEMORY_AND_DISK)
    mode = "overwrite" if args.overwrite else "errorifexists"
    beads = parsed.where(F.col("error").isNull()).drop("error", "line")
    writer = beads.write.mode(mode)
    if not args.flat:
        # A document's beads come from one pipe, in order: one file a folder.
        writer = writer.partitionBy("doc")
    writer.parquet(args.output.rstrip("/") + "/beads")
    failed = parsed.where(F.col("error").isNotNull()).select("doc", "error", "line")
    failed.write.mode(mode).json(args.output.rstrip("/") + "/failed")
    counts = parsed.agg(
        F.countDistinct(F.when(F.col("error").isNull(), F.col("doc"))).alias("docs"),
        F.count(F.when(F.col("error").isNull(), 1)).alias("beads"),
        F.count(F.when(F.col("error").isNotNull(), 1)).alias("failed"),
    ).first()
    seconds = time.monotonic() - start
    records_done = counts.docs + counts.failed
    print(
        f"selaras align_corpus: {counts.docs} documents aligned ({counts.beads} beads), "
        f"{counts.failed} records failed, in {seconds:.1f} s: "
        f"{records_done / seconds:.1f} records/s on {spark.sparkContext.defaultParallelism} cores"
    )
    parsed.unpersist()
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
