import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';

/** The bucket the team run's test servers serve their datasets from (each under a prefix of its own). */
export const TEAM_TEST_BUCKET = 'cuboid-team-tests';

let client: S3Client | undefined;

/**
 * Copies every file under `dir` to a fresh prefix of `bucket` on the S3-compatible server of the
 * AWS SDK environment (the team run's s3rver) and returns `s3://BUCKET/PREFIX`.
 */
export async function uploadTestDataset(dir: string, bucket: string): Promise<string> {
  // Loaded only in the team run: the other runs' test files do not pay for the SDK's import.
  const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  client ??= new S3Client({ forcePathStyle: true });
  const prefix = `t-${randomUUID()}`;
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full, `${rel}${e.name}/`);
      else if (e.isFile()) await client?.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/${rel}${e.name}`, Body: fs.readFileSync(full) }));
    }
  };
  await walk(dir, '');
  return `s3://${bucket}/${prefix}`;
}
