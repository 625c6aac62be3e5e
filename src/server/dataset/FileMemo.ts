/**
 * Values computed from one file per key, kept while the file's stat signature (path, size,
 * mtime, ctime, inode) is unchanged: one `stat` per use instead of a read, and a file corrected
 * on disk is read again at once. Failures are not kept.
 */
export class FileMemo<T> {
  private readonly entries = new Map<string, { signature: string; value: Promise<T> }>();
  private readonly statSignature: (file: string) => Promise<string>;

  constructor(sign: (file: string) => Promise<string>) {
    this.statSignature = sign;
  }

  async get(key: string, file: string, compute: () => Promise<T>): Promise<T> {
    const signature = await this.statSignature(file);
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.signature === signature) return hit.value;
    const value = compute();
    this.entries.set(key, { signature, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
