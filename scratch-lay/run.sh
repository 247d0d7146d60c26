#!/bin/sh
cd /work/main && npx esbuild scratch-lay/${S:-show}.ts --bundle --platform=node --format=esm --outfile=scratch-lay/${S:-show}.mjs --log-level=error --banner:js="import { createRequire } from 'module'; const require = createRequire(import.meta.url);" && node scratch-lay/${S:-show}.mjs "$@"
