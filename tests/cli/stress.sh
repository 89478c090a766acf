#!/bin/sh
# stress.sh - the short stress run for make check: 4 processes x 50
# operations, at least 5 SIGKILLs (make stress runs 16 x 500, 100 kills).
exec sh "$(dirname "$0")/../stress/stress.sh" 4 50 5
