import { z } from 'zod';
import type { TrackFrame } from '../../domain/api/wireTypes.ts';
import { trackFrameSchema, expectedTracksSchema } from '../../domain/api/replySchemas.ts';
import { frameParamsSchema } from '../../domain/api/requestSchemas.ts';
import type { ExpectedTrackBox } from '../../domain/checks/CheckContext.ts';
import type { ZodApp } from '../http/zodRoutes.ts';
import { frameFromParams } from './RouteContext.ts';
import type { RouteContext } from './RouteContext.ts';

/**
 * `GET /api/tracks`: the track index of the whole dataset in one answer, for the track panel and
 * the trajectory view: every saved frame's tracked boxes, in dataset order. A frame never saved
 * gives the tracked boxes its dataset ships (KITTI tracking, nuScenes; revision 0); others (a
 * KITTI `label_2` carries no track ids) have no tracks and are left out.
 */
export function registerTracksRoute(app: ZodApp, ctx: RouteContext): void {
  app.get('/api/tracks', { schema: { response: { 200: z.array(trackFrameSchema) } } }, async (): Promise<TrackFrame[]> => {
    const { storage, dataset } = ctx.service;
    const states = await storage.listFrameStates();
    const out: TrackFrame[] = [];
    for (const frameId of dataset.ids()) {
      if (!states.has(frameId)) {
        const shipped = dataset.get(frameId)?.shipped?.cuboids.filter((c) => c.trackId !== null) ?? [];
        if (shipped.length > 0) out.push({ frameId, revision: 0, cuboids: shipped });
        continue;
      }
      const doc = await storage.getAnnotation(frameId);
      const cuboids = doc?.cuboids.filter((c) => c.trackId !== null) ?? [];
      if (doc && cuboids.length > 0) out.push({ frameId, revision: doc.revision, cuboids });
    }
    return out;
  });

  /**
   * `GET /api/frames/:id/expected-tracks`: every track of the frames around this one (five each way, its
   * sequence) with a box on both sides, bridged into its LiDAR frame (`TrackWindows`), whether or
   * not the frame's saved boxes hold it: the checks panel's `trackGap` rule reports those the
   * boxes being edited lack (a box deleted before any save is found too), `offTrack` the boxes
   * that stray from them.
   */
  app.get(
    '/api/frames/:id/expected-tracks',
    { schema: { params: frameParamsSchema, response: { 200: expectedTracksSchema } } },
    async (request): Promise<{ frameId: string; expectedTracks: ExpectedTrackBox[] }> => {
      const frame = frameFromParams(ctx, request.params);
      return { frameId: frame.id, expectedTracks: await ctx.trackWindows.expectedFor(frame.id) };
    },
  );
}
