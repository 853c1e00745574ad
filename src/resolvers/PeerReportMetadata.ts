import type { PeerReportMetadataResolvers } from '../generated/resolvers-types.js';

export const PeerReportMetadata: PeerReportMetadataResolvers = {
  deviceInfo: (metadata) => metadata.device_info ?? null,
  browserMetadata: (metadata) => metadata.browser_metadata ?? null,
  ipInformation: (metadata) => metadata.ip_information ?? null,
  events: (metadata) => metadata.events ?? null,
  pcMetadata: (metadata) => metadata.pc_metadata ?? null,
  candidatePairs: (metadata) => metadata.candidate_pairs ?? null,
  audioDevicesUpdates: (metadata) => metadata.audio_devices_updates ?? null,
  videoDevicesUpdates: (metadata) => metadata.video_devices_updates ?? null,
  speakerDevicesUpdates: (metadata) => metadata.speaker_devices_updates ?? null,
  selectedDeviceUpdates: (metadata) => metadata.selected_device_updates ?? null,
  nativeMetadata: (metadata) => metadata.native_metadata ?? null,
  roomViewType: (metadata) => metadata.room_view_type ?? null,
  sdkName: (metadata) => metadata.sdk_name ?? null,
  sdkType: (metadata) => metadata.sdk_type ?? null,
  sdkVersion: (metadata) => metadata.sdk_version ?? null,
};
