"""For tests/stream.rs: read the Spark example's output (OUTPUT/beads as
Parquet, OUTPUT/failed as JSON Lines) back with Spark and write it as JSON
Lines, DUMP/beads.jsonl and DUMP/failed.jsonl, for the test to compare with
`selaras batch`.

    spark-submit --master local[1] tests/data/spark_dump.py OUTPUT DUMP
"""

import json
import os
import sys

from pyspark.sql import SparkSession


def main(output, dump):
    spark = (
        SparkSession.builder.appName("selaras spark_dump")
        # `doc` comes back from the folder names: keep "00017" a string.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .getOrCreate()
    )
    os.makedirs(dump, exist_ok=True)
    for name, frame in [
        ("beads", spark.read.parquet(os.path.join(output, "beads"))),
        ("failed", spark.read.json(os.path.join(output, "failed"))),
    ]:
        with open(os.path.join(dump, name + ".jsonl"), "w", encoding="utf-8") as out:
            for row in frame.collect():
                out.write(json.dumps(row.asDict(recursive=True), ensure_ascii=False) + "\n")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
