/**
 * The app's HTTP server: Next's request handler behind two checks that need the connection itself.
 *
 * - The client's address. Next's own server keeps any X-Forwarded-For a client sends, so anyone could pick
 *   the address the sign-in throttle and the audit log see. Here every request gets the header
 *   `x-nianbao-client-address` (lib/http/client-address.ts) written from the socket's peer, or, only when
 *   TRUST_PROXY names how many reverse proxies stand in front, from their X-Forwarded-For; a copy sent by
 *   the client is dropped. Without TRUST_PROXY the client's X-Forwarded-* headers are dropped too, so Next
 *   fills them from the connection.
 * - Cross-site requests. A POST (or other unsafe method) whose Origin names another host is answered 403
 *   before Next sees it, and recorded in the audit log; Next itself would fail a foreign server action
 *   with a bare 500.
 *
 * Run with `npm run serve` (production, after `next build`); `NODE_ENV=development tsx server.ts` serves
 * the development build.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/db/queries/audit";
import { readEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { FOREIGN_ORIGIN_MESSAGE, refuseCrossOrigin, SERVER_ACTION_HEADER, type CrossOriginRefusal } from "@/lib/http/origin";
import { FIXED_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { resolveClientAddress } from "@/lib/http/trusted-address";

const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

const runtimeEnv = process.env as Record<string, string | undefined>;
runtimeEnv.NODE_ENV ||= "production";
const dev = runtimeEnv.NODE_ENV === "development";
const env = readEnv();
// next-auth builds its addresses from NEXTAUTH_URL; without one, the port served here (as lib/auth/options.ts).
runtimeEnv.NEXTAUTH_URL ||= `http://localhost:${env.port}`;
const publicUrl = runtimeEnv.NEXTAUTH_URL;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Replace what the client said about itself with what the connection (or a trusted proxy) says. */
function settleClientHeaders(req: IncomingMessage): string | null {
  const address = resolveClientAddress({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies: env.trustedProxies,
  });
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (env.trustedProxies === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

function crossOriginRefusal(req: IncomingMessage): CrossOriginRefusal | null {
  return refuseCrossOrigin({
    method: req.method,
    url: req.url,
    origin: firstValue(req.headers.origin),
    serverAction: req.headers[SERVER_ACTION_HEADER] !== undefined,
    ownHosts: [
      req.headers.host,
      env.trustedProxies > 0 ? firstValue(req.headers["x-forwarded-host"])?.split(",")[0] : undefined,
      publicUrl,
    ],
  });
}

async function refuse(res: ServerResponse, refusal: CrossOriginRefusal, address: string | null): Promise<void> {
  try {
    await recordAudit(getDb(), {
      action: "request-refused",
      address,
      detail: `来源 ${refusal.origin.slice(0, 200)}：${refusal.method} ${refusal.path.slice(0, 200)}${
        refusal.serverAction ? "（服务器操作）" : ""
      }`,
    });
  } catch (error) {
    console.error("拒绝跨站请求时未能写入审计日志", error);
  }
  res.statusCode = 403;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  for (const { key, value } of FIXED_SECURITY_HEADERS) res.setHeader(key, value);
  res.end(FOREIGN_ORIGIN_MESSAGE);
}

async function main(): Promise<void> {
  // Imported only now, so that Next and React load with NODE_ENV already decided.
  const { default: next } = await import("next");
  const server = createServer();
  const app = next({ dev, hostname: "localhost", port: env.port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const address = settleClientHeaders(req);
    const refusal = crossOriginRefusal(req);
    if (refusal) await refuse(res, refusal, address);
    else await handle(req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(env.port, () => {
    console.log(`年报已启动：http://localhost:${env.port}（${dev ? "开发模式" : "生产模式"}）`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
