import { execute } from './client.js';
import { ParticipantCallQuality, PeerDeviceAndNetwork, SessionWorstCalls } from './documents.js';

/*
 * Runs the example queries against a running gateway. With the demo (`npm start` without any
 * configuration) the ids below exist; against your own account, pass yours:
 *   GATEWAY_URL=… TOKEN=… SESSION_ID=… PARTICIPANT_ID=… node dist/… (or tsx examples/client/src/run.ts)
 */
const url = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
const token = process.env['TOKEN'];
const sessionId = process.env['SESSION_ID'] ?? 'db173b0b-c7b4-4d4a-ba24-57943eb189ac';
const participantId = process.env['PARTICIPANT_ID'] ?? 'fafb7c36-5b1b-4796-8dd2-56cd05d26852';
const options = token === undefined ? { url } : { url, token };

const call = await execute(options, ParticipantCallQuality, { sessionId, participantId });
const participant = call.data?.participant;
console.log(
  `${participant?.displayName ?? '?'}: ${participant?.duration ?? '?'} min, MOS avg ${participant?.peerReport?.quality?.audio?.producerCumulative?.qualityMos?.avg ?? '?'}`,
);

const session = await execute(options, SessionWorstCalls, { sessionId, perPage: 30 });
const worst = [...(session.data?.session?.participants?.items ?? [])]
  .map((item) => ({
    name: item.displayName,
    loss: item.peerReport?.quality?.audio?.producerCumulative?.packetLoss?.avg ?? 0,
  }))
  .sort((a, b) => b.loss - a.loss)
  .slice(0, 3);
console.log('worst audio packet loss:', worst);

const peer = await execute(options, PeerDeviceAndNetwork, { peerId: participantId });
const metadata = peer.data?.peerReport?.metadata;
console.log(
  `device: ${metadata?.deviceInfo?.os ?? '?'} / ${metadata?.browserMetadata?.browser ?? '?'}, network: ${metadata?.pcMetadata?.[0]?.effectiveNetworkType ?? '?'}`,
);

for (const result of [call, session, peer]) {
  for (const error of result.errors ?? [])
    console.error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
}
