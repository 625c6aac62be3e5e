import os from 'node:os';
import path from 'node:path';

/** Where the team e2e server's database and bucket are (written by teamServer.ts, read by the spec). */
export interface TeamServerInfo {
  dbUrl: string;
  bucket: string;
  /** The dataset's key prefix in the bucket (`kitti`). */
  prefix: string;
  /** The S3 endpoint (s3rver), `http://127.0.0.1:PORT`. */
  endpoint: string;
}

/** The info file of the team server listening on `port`. */
export function teamInfoFile(port: number): string {
  return path.join(os.tmpdir(), `cuboid-e2e-team-${port}.json`);
}
