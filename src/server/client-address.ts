import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../config';

/**
 * The client's address for per-client limits. Without QA_TRUST_PROXY it is the socket's peer:
 * X-Forwarded-For is ignored, since any client can write it. With it, the X-Forwarded-For chain is
 * walked from the nearest hop: past `hops` proxies, or past peers whose address is in the trusted
 * list; the first address not vouched for is the client (what proxy-addr / Express's
 * `trust proxy` compute). Entries that are not IP addresses end the walk.
 */
export function createClientAddress(trust: TrustProxy | null): (peer: string, forwardedFor: string | undefined) => string {
  if (!trust) return (peer) => plainAddress(peer);
  const trusted = 'hops' in trust ? null : trustedList(trust.addresses);
  return (peer, forwardedFor) => {
    let client = plainAddress(peer);
    if (!forwardedFor) return client;
    const chain = forwardedFor.split(',');
    for (let hop = 0, i = chain.length - 1; i >= 0; hop++, i--) {
      const vouched = trusted ? isTrusted(trusted, client) : hop < (trust as { hops: number }).hops;
      if (!vouched) break;
      const next = plainAddress(chain[i].trim());
      if (!isIP(next)) break;
      client = next;
    }
    return client;
  };
}

/** '::ffff:127.0.0.1' → '127.0.0.1', so one client is one key whichever way it connected. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function trustedList(addresses: string[]): BlockList {
  const list = new BlockList();
  for (const entry of addresses) {
    const [ip, bits] = entry.split('/');
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
