#!/bin/sh
# Runs "$@" inside the fresh network namespace made by `unshare -n` (see tools/test.mjs).
# Loopback carries the fixture server; every other address routes to lw0, a dummy interface that
# drops what it gets. tcpdump records each packet offered to lw0: the e2e tests read the log and
# fail on any line, so a request that would have left the machine is caught, and goes nowhere.
set -eu
ip link set lo up
ip link add lw0 type dummy
ip addr add 192.0.2.1/24 dev lw0
ip -6 addr add 2001:db8::1/64 dev lw0 nodad 2>/dev/null || true
ip link set lw0 up
ip route add default dev lw0
ip -6 route add default dev lw0 2>/dev/null || true
log="${TMPDIR:-/tmp}/linkwatch-netwatch-$$.log"
: > "$log"
tcpdump -i lw0 -nn -l -tttt 'not arp and not (icmp6 and (ip6[40] == 133 or ip6[40] == 135 or ip6[40] == 143))' > "$log" 2>/dev/null &
watcher=$!
sleep 1
export LINKWATCH_NETWATCH_LOG="$log"
status=0
"$@" || status=$?
kill "$watcher" 2>/dev/null || true
exit "$status"
