import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FrameCameraView } from '../../../src/services/cameraData.ts';
import { CameraTabs, cameraTabText, shownCamera } from '../../../src/ui/CameraTabs.tsx';

const cam = (name: string, label: string, hasImage = true): FrameCameraView => ({
  name,
  label,
  colour: true,
  file: `${name}/000000.png`,
  hasImage,
  imageSize: null,
  calib: null,
  problem: null,
  imageUrl: `/img/${name}`,
});

describe('the camera picker', () => {
  it('gives KITTI and nuScenes cameras short tab texts', () => {
    expect(cameraTabText('image_2')).toBe('Cam 2');
    expect(cameraTabText('image_03')).toBe('Cam 3');
    expect(cameraTabText('CAM_FRONT_LEFT')).toBe('FRONT LEFT');
  });

  it('draws one tab per camera, the shown one selected, a missing image said in the tooltip', () => {
    const html = renderToStaticMarkup(
      <CameraTabs
        cameras={[cam('image_2', 'Camera 2 (left colour)'), cam('image_3', 'Camera 3 (right colour)', false)]}
        shown="image_3"
        onPick={() => undefined}
      />,
    );
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-selected="true"[^>]*title="Camera 3 \(right colour\) · image_3\/000000.png \(missing\)/);
    expect(html).toMatch(/aria-selected="false"[^>]*title="Camera 2 \(left colour\) · image_2\/000000.png —/);
    expect(html).toContain('>Cam 3</button>');
  });

  it('shows the chosen camera when the frame has it, else image 2 / CAM_FRONT, else the first with an image', () => {
    const kitti = [cam('image_0', 'Camera 0'), cam('image_2', 'Camera 2'), cam('image_3', 'Camera 3')];
    expect(shownCamera(kitti, 'image_3')?.name).toBe('image_3');
    expect(shownCamera(kitti, null)?.name).toBe('image_2');
    expect(shownCamera(kitti, 'CAM_BACK')?.name).toBe('image_2');
    const nu = [cam('CAM_BACK', 'CAM_BACK', false), cam('CAM_BACK_LEFT', 'CAM_BACK_LEFT')];
    expect(shownCamera(nu, 'image_2')?.name).toBe('CAM_BACK_LEFT');
    expect(shownCamera([], null)).toBeNull();
  });
});
