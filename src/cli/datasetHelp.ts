/** What `cuboid` reads as a dataset, for the commands' `--help` (the layouts of `datasetLayouts.ts`, the point formats of `folderListing.ts`). */
export const DATASET_KINDS = 'a KITTI object or tracking layout, a nuScenes layout, or a flat folder of .pcd, .ply, .las, .laz or .bin files';
