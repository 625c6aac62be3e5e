import { S3Client } from '@aws-sdk/client-s3';

/**
 * The S3 client of this process (or worker thread), configured by the standard AWS SDK
 * environment: `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`) for an S3-compatible server (MinIO,
 * Ceph RGW), `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (or any other credential source the SDK
 * knows), `AWS_REGION` (default `us-east-1`, which S3-compatible servers ignore),
 * `AWS_REQUEST_CHECKSUM_CALCULATION` / `AWS_RESPONSE_CHECKSUM_VALIDATION`; and
 * `CUBOID_S3_FORCE_PATH_STYLE=1` for servers that want `http://host/bucket/key` addressing.
 * Connections time out after 5 s and requests after 60 s, so a vanished endpoint is reported, not waited on.
 */
export function bucketClient(): S3Client {
  // The pinned SDK supports Node 20 (engines >=20); its notice about later releases needing Node 22 would break the CLI's one-line errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  client ??= new S3Client({
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: process.env.CUBOID_S3_FORCE_PATH_STYLE === '1',
    maxAttempts: 2,
    // socketTimeout: a request whose socket is silent 30 s fails (TimeoutError → 503); the SDK's
    // requestTimeout only warns, so without it a stalled server held a label write (and its frame's
    // lock connection) forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000, socketTimeout: 30_000 },
  });
  return client;
}

let client: S3Client | undefined;

/** The endpoint requests go to, for messages (`http://127.0.0.1:9000`, or `AWS S3`). */
export function bucketEndpoint(): string {
  return process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL ?? 'AWS S3';
}
