#!/usr/bin/env bash
# Installs the OS packages k8ts needs, idempotently: only what is missing, with one apt-get update first.
# Run as root (CI and `k8ts server` do); otherwise it prints what to install and exits 1.
set -euo pipefail
# etcd for the etcd store; containerd, runc, CNI plugins, iptables/nftables, busybox-static, a local registry and
# nginx for the node (the kubelet runs real containers, built from these packages without the internet).
pkgs=(etcd-server etcd-client containerd runc containernetworking-plugins iptables nftables conntrack busybox-static docker-registry skopeo nginx-light util-linux)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "k8ts: missing OS packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "k8ts: installing OS packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
