import type { LasCloud } from '../domain/las/LasCloud.ts';
import type { PlyCloud } from '../domain/ply/PlyCloud.ts';
import { PLY_TYPE_BYTES, type PlyScalarType } from '../domain/ply/PlyHeader.ts';
import type { AttributeArray } from '../domain/types.ts';
import { parseOtherPointFile } from '../server/dataset/parseOtherPointFile.ts';
import type { InspectReport } from './inspectFile.ts';

export interface PlyReport {
  elements: { name: string; count: number; properties: string[] }[];
  comments: string[];
}

export interface LasReport {
  pointFormat: number;
  recordLength: number;
  /** x y z scale factors and offsets (x = X × scale + offset). */
  scale: number[];
  offset: number[];
  /** Bounds as the header states them. */
  headerBounds: { min: number[]; max: number[] };
  systemId: string;
  software: string;
  vlrs: { userId: string; recordId: number; description: string; bytes: number }[];
  /** The LASzip description of a `.laz`, with its chunk count. */
  laszip: { compressor: string; version: string; chunkSize: number | 'variable' } | null;
}

type Described = Omit<InspectReport, 'file' | 'bytes' | 'binLayout' | 'points' | 'nanPoints' | 'bounds'>;

const PLY_LETTER: Record<PlyScalarType, string> = { char: 'I', uchar: 'U', short: 'I', ushort: 'U', int: 'I', uint: 'U', float: 'F', double: 'F' };
const COMPRESSORS = ['none', 'pointwise', 'pointwise and chunked', 'layered and chunked'];

/** Parses a PLY or LAS/LAZ file and describes it in `cuboid inspect`'s terms. */
export async function describeOtherPointFile(
  bytes: Uint8Array,
  kind: 'ply' | 'las',
  fileName: string,
): Promise<{ cloud: PlyCloud | LasCloud; report: Described }> {
  const cloud = await parseOtherPointFile(bytes, kind, fileName);
  if ('nanCount' in cloud) {
    const h = cloud.header;
    const vertex = h.elements.find((e) => e.name === 'vertex');
    const props = vertex?.properties ?? [];
    return {
      cloud,
      report: {
        format: 'ply',
        encoding: h.format,
        version: h.version,
        width: null,
        height: null,
        organized: false,
        fields: props.filter((p) => p.countType === null).map((p) => ({ name: p.name, type: PLY_LETTER[p.type], size: PLY_TYPE_BYTES[p.type], count: 1 })),
        positionFields: ['x', 'y', 'z'].filter((a) => props.some((p) => p.name === a && p.countType === null)),
        viewpoint: null,
        warnings: cloud.warnings,
        ply: {
          elements: h.elements.map((e) => ({
            name: e.name,
            count: e.count,
            properties: e.properties.map((p) => (p.countType === null ? `${p.type} ${p.name}` : `list ${p.countType} ${p.type} ${p.name}`)),
          })),
          comments: h.comments,
        },
      },
    };
  }
  const h = cloud.header;
  const laz = h.laszip;
  return {
    cloud,
    report: {
      format: h.compressed ? 'laz' : 'las',
      encoding: `point format ${h.pointFormat}, ${h.recordLength}-byte records${laz ? `, LASzip ${laz.version} ${COMPRESSORS[laz.compressor] ?? `compressor ${laz.compressor}`}` : ''}`,
      version: h.version,
      width: null,
      height: null,
      organized: false,
      fields: [
        { name: 'x', type: 'I', size: 4, count: 1 },
        { name: 'y', type: 'I', size: 4, count: 1 },
        { name: 'z', type: 'I', size: 4, count: 1 },
        ...Object.entries(cloud.attributes).map(([name, a]) => ({ name, ...typeOf(a), count: 1 })),
      ],
      positionFields: ['x', 'y', 'z'],
      viewpoint: null,
      warnings: cloud.warnings,
      las: {
        pointFormat: h.pointFormat,
        recordLength: h.recordLength,
        scale: [...h.scale],
        offset: [...h.offset],
        headerBounds: { min: [...h.min], max: [...h.max] },
        systemId: h.systemId,
        software: h.software,
        vlrs: h.vlrs.map((v) => ({ userId: v.userId, recordId: v.recordId, description: v.description, bytes: v.dataLength })),
        laszip:
          laz === null
            ? null
            : {
                compressor: COMPRESSORS[laz.compressor] ?? String(laz.compressor),
                version: laz.version,
                chunkSize: laz.chunkSize === 0xffffffff ? 'variable' : laz.chunkSize,
              },
      },
    },
  };
}

function typeOf(a: AttributeArray): { type: string; size: number } {
  const size = a.BYTES_PER_ELEMENT;
  if (a instanceof Float32Array || a instanceof Float64Array) return { type: 'F', size };
  if (a instanceof Int8Array || a instanceof Int16Array || a instanceof Int32Array || a instanceof BigInt64Array) return { type: 'I', size };
  return { type: 'U', size };
}
