/**
 * Where `pufa serve` may listen. Without an admin secret nothing but loopback: the admin API and
 * the page would be open to anyone who can reach the port.
 */
import { isIP } from "node:net";

export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
}

/** Null when binding is allowed; otherwise the message to print before exiting. `hasSecret`: PUFA_ADMIN_TOKEN or PUFA_ADMIN_PASSWORD_HASH is set. */
export function bindRefusal(host: string, hasSecret: boolean): string | null {
  if (isLoopback(host) || hasSecret) return null;
  return `pufa serve: refusing to listen on ${host} without PUFA_ADMIN_TOKEN (the admin console would be open to the network). Set PUFA_ADMIN_TOKEN (or PUFA_ADMIN_PASSWORD_HASH), or listen on 127.0.0.1.`;
}
