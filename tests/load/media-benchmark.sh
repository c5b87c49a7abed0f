#!/usr/bin/env bash
# Media pipeline benchmark (docs/performance.md): time and peak memory to turn a 12-megapixel JPEG into all variants,
# next to the time merely to decode it. Each mode runs in a fresh process so its peak memory is its own.
# Usage: bash tests/load/media-benchmark.sh [--iterations N] [--megapixels 12] [--quality 82] [--file photo.jpg]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet build -c Release -v q -nologo "$root/tests/ChatApp.MediaBenchmark/ChatApp.MediaBenchmark.csproj" >/dev/null
tool="$root/tests/ChatApp.MediaBenchmark/bin/Release/net10.0/ChatApp.MediaBenchmark.dll"
for mode in decode chat avatar; do
    dotnet "$tool" --mode "$mode" "$@"
done
