#!/bin/sh
# Runs "$@" inside the fresh network namespace made by `unshare -n` (see tools/test.mjs).
# Loopback carries the fixture server. Every other address routes out of lw0, one end of a veth
# pair whose other end (lw1) also lives in this namespace and has no address: what goes out there
# reaches nothing. A permanent neighbour entry for the gateway makes the kernel send each packet
# at once instead of asking ARP first, and tcpdump records every packet offered to lw0: the e2e
# tests read that log and fail on any line.
set -eu
ip link set lo up
ip link add lw0 type veth peer name lw1
ip link set lw1 up
ip link set lw0 up
ip addr add 192.0.2.1/24 dev lw0
ip neigh add 192.0.2.254 lladdr 02:00:00:00:00:fe dev lw0 nud permanent
ip route add default via 192.0.2.254 dev lw0
ip -6 addr add 2001:db8::1/64 dev lw0 nodad
ip -6 neigh add 2001:db8::fe lladdr 02:00:00:00:00:fe dev lw0 nud permanent
ip -6 route add default via 2001:db8::fe dev lw0
log="${TMPDIR:-/tmp}/linkwatch-netwatch-$$.log"
: > "$log"
# ARP and IPv6 link-local multicast (neighbour discovery, listener reports) are the kernel's own
# chatter on a new link; anything a program sends leaves from 192.0.2.1 or 2001:db8::1.
tcpdump -i lw0 -nn -l -tttt 'not arp and not (ip6 and (dst net ff00::/8 or src net fe80::/10 or src host ::))' > "$log" 2>/dev/null &
watcher=$!
sleep 1
export LINKWATCH_NETWATCH_LOG="$log"
status=0
"$@" || status=$?
kill "$watcher" 2>/dev/null || true
exit "$status"
