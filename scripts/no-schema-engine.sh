#!/bin/sh
echo "The native Prisma schema engine is not available here: use npm run db:new-migration (WebAssembly engine)." >&2
exit 1
