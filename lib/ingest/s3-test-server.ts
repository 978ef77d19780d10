import crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { vi } from 'vitest';

// Test support only: a real S3 REST API (ListObjectsV2 with continuation tokens, streamed
// GetObject, access key checks) that runs inside this process on a temp directory: no Docker, Java
// or network. The newer in-process emulators on npm (fauxqs, the @20minutes/s3rver fork) need Node
// 22 or 24, and this project runs on 20. s3rver is old, so its quirks are worked around below, each
// where it bites.

// s3rver accepts only its own fixed key pair, and checks no SigV4 signature beyond the access key.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';
// The code under test finds its credentials the usual way, through the environment. A session token
// left over from the developer's shell would be sent along, so it is removed while the server runs.
const credentialEnv: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: region,
};

export interface S3TestServerOptions {
  /**
   * Sees every request before s3rver does, and may rewrite `request.url`. When it returns a promise
   * the request waits for it to settle, so a test can act between a listing and a download.
   */
  onRequest?: (request: IncomingMessage) => Promise<unknown> | void;
}

export interface S3TestServer {
  /** Where to point an S3 client, path-style. */
  endpoint: string;
  createBucket(name: string): Promise<void>;
  put(bucket: string, key: string, body: Buffer | string): Promise<void>;
  /** Every file under `directory`, stored as `prefix` + its slash-separated relative name; returns those names, sorted. */
  putFolder(bucket: string, prefix: string, directory: string): Promise<string[]>;
  /** Stops the server and deletes its objects; the last server to close undoes the DES patch and the credentials. */
  close(): Promise<void>;
}

// s3rver encrypts continuation tokens with single DES, which OpenSSL 3 (Node 17 and later) leaves
// out, so any listing longer than one page fails with InternalError. Triple DES with one key three
// times over is single DES, and OpenSSL 3 still offers it. Returns the undo.
function allowSingleDes(): () => void {
  type Create = (algorithm: string, key: Buffer, iv: Buffer) => unknown;
  const spies = (['createCipheriv', 'createDecipheriv'] as const).map((name) => {
    const create = crypto[name] as Create;
    const patched: Create = (algorithm, key, iv) =>
      algorithm === 'des' ? create('des-ede3-cbc', Buffer.concat([key, key, key]), iv) : create(algorithm, key, iv);
    return vi.spyOn(crypto, name).mockImplementation(patched as (typeof crypto)[typeof name]);
  });
  return () => spies.forEach((spy) => spy.mockRestore());
}

/** Sets the credential variables, returning the undo that puts back what was there before. */
function setCredentialEnv(): () => void {
  const previous = Object.fromEntries(Object.keys(credentialEnv).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(credentialEnv);
  return () => assign(previous);
}

// Both changes are process-wide, so servers running at once share them: the first start makes them,
// the last close undoes them.
let running = 0;
let undoGlobals = () => {};

function acquireGlobals(): () => void {
  if (running++ === 0) {
    const undoDes = allowSingleDes();
    const undoEnv = setCredentialEnv();
    undoGlobals = () => {
      undoEnv();
      undoDes();
    };
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--running === 0) undoGlobals();
  };
}

async function relativeFileNames(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => a.localeCompare(b));
}

/**
 * An s3rver on 127.0.0.1 at a free port. Until it closes, the environment holds the AWS credentials
 * it accepts, so code under test that finds credentials the usual way can reach it.
 */
export async function startS3TestServer(options: S3TestServerOptions = {}): Promise<S3TestServer> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-s3rver-'));
  const releaseGlobals = acquireGlobals();
  const handle = new S3rver({ directory: scratch, silent: true }).callback();
  const server = createServer((request, response) => {
    const waiting = options.onRequest?.(request);
    if (waiting) void waiting.catch(() => undefined).then(() => handle(request, response));
    else handle(request, response);
  });
  const undo = () => {
    releaseGlobals();
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  } catch (error) {
    undo();
    throw error;
  }
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new S3Client({ endpoint, forcePathStyle: true, region, credentials });

  const put = async (bucket: string, key: string, body: Buffer | string) => {
    // A whole buffer is sent as is; a stream body would make SDK v3 send aws-chunked data with a
    // trailing CRC32, which s3rver would store framing and all.
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  };

  return {
    endpoint,
    put,
    async createBucket(name) {
      await admin.send(new CreateBucketCommand({ Bucket: name }));
    },
    async putFolder(bucket, prefix, directory) {
      const names = await relativeFileNames(directory);
      await Promise.all(names.map(async (name) => put(bucket, `${prefix}${name}`, await readFile(path.join(directory, name)))));
      return names;
    },
    async close() {
      admin.destroy();
      await new Promise((resolve) => server.close(resolve));
      undo();
    },
  };
}
