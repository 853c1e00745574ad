import type { CombinedError } from '@urql/core';
import { timelineChart } from './chart';
import type { TimelineChart } from './chart';
import { client } from './client';
import { DashboardSessions, SessionLive, SessionOverview, SessionParticipants } from './documents';
import { byId, fill, formatDateTime, formatNumber, formatTime, h } from './dom';
import type {
  DashboardSessionsQuery,
  MediaDirection,
  QualityIssueKind,
  QualityMedia,
  QualityVerdict,
  SessionLiveSubscription,
  SessionOverviewQuery,
  SessionParticipantsQuery,
} from './gql/graphql';
import './style.css';

type SessionSummary = NonNullable<DashboardSessionsQuery['sessions']>['items'][number];
type Session = NonNullable<SessionOverviewQuery['session']>;
type Overview = Session['qualityOverview'];
type ParticipantPage = NonNullable<
  NonNullable<SessionParticipantsQuery['session']>['participants']
>;
type Participant = ParticipantPage['items'][number];
type LiveSession = SessionLiveSubscription['sessionUpdates'];

/** Sessions in the list; the gateway's default page size. */
const SESSIONS_PER_PAGE = 20;
/** Participants with a card and a chart; 50 stays within the gateway's call budget. */
const PARTICIPANTS_PER_PAGE = 50;

const VERDICTS: readonly QualityVerdict[] = ['GOOD', 'FAIR', 'POOR', 'UNKNOWN'];
/** Worst first, for the order of the participant cards. */
const VERDICT_RANK: Record<QualityVerdict, number> = { POOR: 0, FAIR: 1, UNKNOWN: 2, GOOD: 3 };
const ISSUE_LABELS: Record<QualityIssueKind, string> = {
  HIGH_PACKET_LOSS: 'High packet loss',
  HIGH_LATENCY: 'High latency',
  CPU_LIMITED: 'CPU limited',
  BANDWIDTH_LIMITED: 'Bandwidth limited',
  POOR_RESOLUTION: 'Poor resolution',
  VIDEO_LAG: 'Video lag',
  RELAY_ONLY: 'Relay only',
};
const MEDIA_LABELS: Record<QualityMedia, string> = {
  AUDIO: 'audio',
  VIDEO: 'video',
  SCREENSHARE: 'screen share',
  NETWORK: 'network',
};
const DIRECTION_LABELS: Record<MediaDirection, string> = {
  SENDING: 'sending',
  RECEIVING: 'receiving',
};

const sessionList = byId('sessions');
const main = byId('main');

/** What the shown session keeps running: its charts and its live subscription. */
let shown: { readonly sessionId: string; dispose(): void } | undefined;

/** A GraphQL error as people read it: the message and its `extensions.code`. */
function describeError(error: CombinedError): string {
  if (error.networkError !== undefined) return `Network error: ${error.networkError.message}`;
  return error.graphQLErrors
    .map((graphQLError) => {
      const code = graphQLError.extensions['code'];
      return typeof code === 'string' ? `${graphQLError.message} (${code})` : graphQLError.message;
    })
    .join('; ');
}

function errorBanner(error: CombinedError): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, describeError(error));
}

function verdictBadge(verdict: QualityVerdict | undefined): HTMLElement {
  const value = verdict ?? 'UNKNOWN';
  return h('span', { class: `badge verdict-${value}`, 'data-verdict': value }, value);
}

function statusPill(status: string | null | undefined): HTMLElement {
  const value = status ?? 'UNKNOWN';
  return h('span', { class: `status status-${value}` }, value);
}

function sessionName(session: { meetingDisplayName?: string | null; id: string }): string {
  return session.meetingDisplayName ?? session.id;
}

// ---- The sessions list -------------------------------------------------------------------------

function renderSessionList(sessions: readonly SessionSummary[], total: number | null | undefined) {
  sessionList.replaceChildren(
    ...sessions.map((session) => {
      const button = h(
        'button',
        { type: 'button', class: 'session', 'data-session-id': session.id },
        h('span', { class: 'session-name' }, sessionName(session)),
        statusPill(session.status),
        h(
          'span',
          { class: 'session-meta' },
          `${formatDateTime(session.startedAt)} · ${session.maxConcurrentParticipants ?? '–'} people`,
        ),
      );
      button.addEventListener('click', () => {
        showSession(session.id, true);
      });
      return h('li', {}, button);
    }),
  );
  if (total != null && total > sessions.length) {
    sessionList.append(h('li', { class: 'more' }, `${total - sessions.length} older not shown`));
  }
}

function markSelected(sessionId: string) {
  for (const button of sessionList.querySelectorAll<HTMLElement>('button.session')) {
    button.classList.toggle('selected', button.dataset['sessionId'] === sessionId);
  }
}

// ---- One session --------------------------------------------------------------------------------

function tile(label: string, value: string, field?: string): HTMLElement {
  return h(
    'div',
    { class: 'tile' },
    h('span', { class: 'tile-label' }, label),
    h('span', { class: 'tile-value', 'data-field': field }, value),
  );
}

function renderHeader(session: Session): HTMLElement {
  const live = session.status === 'LIVE';
  return h(
    'section',
    { class: 'session-header', id: 'session-header' },
    h(
      'div',
      { class: 'title-row' },
      h('h2', { id: 'session-title', 'data-session-id': session.id }, sessionName(session)),
      h('span', { 'data-field': 'status' }, statusPill(session.status)),
      live
        ? h(
            'span',
            { class: 'live', id: 'live', 'data-live-events': 0 },
            h('span', { class: 'live-dot' }),
            'connecting…',
          )
        : null,
    ),
    h(
      'p',
      { class: 'meta' },
      `Started ${formatDateTime(session.startedAt)}`,
      session.endedAt == null ? null : ` · ended ${formatDateTime(session.endedAt)}`,
      h('code', {}, session.id),
    ),
    h(
      'div',
      { class: 'tiles' },
      tile('Minutes consumed', formatNumber(session.minutesConsumed, 1), 'minutesConsumed'),
      tile('Live participants', String(session.liveParticipants ?? '–'), 'liveParticipants'),
      tile(
        'Max concurrent',
        String(session.maxConcurrentParticipants ?? '–'),
        'maxConcurrentParticipants',
      ),
    ),
  );
}

function renderOverview(overview: Overview): HTMLElement {
  const counts: Record<QualityVerdict, number> = {
    GOOD: overview.good,
    FAIR: overview.fair,
    POOR: overview.poor,
    UNKNOWN: overview.unknown,
  };
  const mostCommon = Math.max(1, ...overview.commonIssues.map((issue) => issue.participants));
  return h(
    'section',
    { class: 'overview', id: 'overview' },
    h(
      'div',
      { class: 'card verdicts' },
      h('h3', {}, 'Verdicts'),
      h(
        'div',
        { class: 'verdict-counts' },
        ...VERDICTS.map((verdict) =>
          h(
            'div',
            { class: `verdict-count verdict-${verdict}` },
            h('span', { class: 'count', 'data-count': verdict }, counts[verdict]),
            h('span', { class: 'count-label' }, verdict),
          ),
        ),
      ),
      h(
        'p',
        { class: 'meta' },
        `${overview.analysed} analysed`,
        overview.unavailable > 0 ? `, ${overview.unavailable} unavailable` : null,
        overview.complete ? ' · every participant' : ' · not every participant',
      ),
    ),
    h(
      'div',
      { class: 'card' },
      h('h3', {}, 'Worst calls'),
      overview.worst.length === 0
        ? h('p', { class: 'meta' }, 'No call with an audio MOS.')
        : h(
            'ol',
            { class: 'worst' },
            ...overview.worst.map((participant) =>
              h(
                'li',
                { 'data-participant-id': participant.id },
                h('span', { class: 'name' }, participant.displayName ?? participant.id),
                h('span', { class: 'mos' }, formatNumber(participant.insights?.audioMos, 2)),
                verdictBadge(participant.insights?.verdict),
              ),
            ),
          ),
    ),
    h(
      'div',
      { class: 'card' },
      h('h3', {}, 'Common issues'),
      overview.commonIssues.length === 0
        ? h('p', { class: 'meta' }, 'No issue found.')
        : h(
            'ul',
            { class: 'common-issues' },
            ...overview.commonIssues.map((issue) =>
              h(
                'li',
                { 'data-issue': issue.kind },
                h('span', { class: 'name' }, ISSUE_LABELS[issue.kind]),
                h(
                  'span',
                  { class: 'bar' },
                  h('span', {
                    style: `width: ${Math.round((100 * issue.participants) / mostCommon)}%`,
                  }),
                ),
                h('span', { class: 'mos' }, issue.participants),
              ),
            ),
          ),
    ),
  );
}

function byVerdictThenMos(a: Participant, b: Participant): number {
  const rank = (participant: Participant) =>
    VERDICT_RANK[participant.insights?.verdict ?? 'UNKNOWN'];
  return (
    rank(a) - rank(b) ||
    (a.insights?.audioMos ?? Infinity) - (b.insights?.audioMos ?? Infinity) ||
    (a.displayName ?? '').localeCompare(b.displayName ?? '')
  );
}

/** The participants' cards; each chart is drawn once its card is in the document. */
function renderParticipants(page: ParticipantPage, charts: TimelineChart[]): HTMLElement {
  const items = [...page.items].sort(byVerdictThenMos);
  const total = page.paging.totalCount ?? items.length;
  const grid = h('div', { class: 'participants' });
  const section = h(
    'section',
    { id: 'participants' },
    h(
      'h3',
      { class: 'section-title' },
      'Participants',
      h(
        'span',
        { class: 'meta' },
        total > items.length ? ` ${items.length} of ${total}, worst first` : ' worst first',
      ),
      h(
        'span',
        { class: 'legend' },
        h('span', { class: 'swatch mos' }),
        'audio MOS',
        h('span', { class: 'swatch loss' }),
        'packet loss %',
      ),
    ),
    grid,
  );
  const pending: [HTMLElement, Participant][] = [];
  for (const participant of items) {
    const { insights } = participant;
    const issues = insights?.issues ?? [];
    const chart = h('div', { class: 'chart' });
    grid.append(
      h(
        'article',
        {
          class: 'card participant',
          'data-participant-id': participant.id,
          'data-verdict': insights?.verdict ?? 'UNKNOWN',
        },
        h(
          'header',
          {},
          h('h4', {}, participant.displayName ?? participant.id),
          verdictBadge(insights?.verdict),
        ),
        h(
          'p',
          { class: 'meta' },
          `Audio MOS ${formatNumber(insights?.audioMos, 2)} · ${formatNumber(participant.duration, 1)} min`,
          participant.presetName == null ? null : ` · ${participant.presetName}`,
        ),
        chart,
        issues.length === 0
          ? h('p', { class: 'no-issues' }, insights == null ? 'No quality report.' : 'No issues.')
          : h(
              'ul',
              { class: 'issues' },
              ...issues.map((issue) =>
                h(
                  'li',
                  { 'data-issue': issue.kind, title: issue.description },
                  h('span', { class: 'issue-kind' }, ISSUE_LABELS[issue.kind]),
                  h(
                    'span',
                    { class: 'issue-where' },
                    [
                      MEDIA_LABELS[issue.media],
                      issue.direction == null ? null : DIRECTION_LABELS[issue.direction],
                    ]
                      .filter((part) => part !== null)
                      .join(', '),
                  ),
                  h('span', { class: 'issue-description' }, issue.description),
                ),
              ),
            ),
      ),
    );
    pending.push([chart, participant]);
  }
  // uPlot sizes a chart by its container: draw once the section is in the page.
  queueMicrotask(() => {
    for (const [container, participant] of pending) {
      const timeline = participant.peerReport?.qualityTimeline ?? [];
      if (timeline.length === 0) {
        container.replaceChildren(h('p', { class: 'meta' }, 'No quality samples.'));
        container.dataset['points'] = '0';
        continue;
      }
      const drawn = timelineChart(container, timeline);
      container.dataset['points'] = String(drawn.mosPoints);
      charts.push(drawn);
    }
  });
  return section;
}

/** Applies a live event to the header, in place. */
function applyLive(session: LiveSession, events: number) {
  const set = (field: string, value: string) => {
    const element = main.querySelector<HTMLElement>(`[data-field="${field}"]`);
    if (element !== null) element.textContent = value;
  };
  set('minutesConsumed', formatNumber(session.minutesConsumed, 1));
  set('liveParticipants', String(session.liveParticipants ?? '–'));
  set('maxConcurrentParticipants', String(session.maxConcurrentParticipants ?? '–'));
  main.querySelector('[data-field="status"]')?.replaceChildren(statusPill(session.status));
  const live = main.querySelector<HTMLElement>('#live');
  if (live !== null) {
    live.dataset['liveEvents'] = String(events);
    live.replaceChildren(
      h('span', { class: 'live-dot' }),
      session.status === 'LIVE'
        ? `live · updated ${formatTime(new Date())}`
        : `ended ${formatDateTime(session.endedAt)}`,
    );
    live.classList.toggle('ended', session.status !== 'LIVE');
  }
}

/** Shows one session: its header and overview, its participants, and live updates while LIVE. */
function showSession(sessionId: string, pushHistory: boolean) {
  if (shown?.sessionId === sessionId) return;
  shown?.dispose();
  if (pushHistory) {
    const url = new URL(window.location.href);
    url.searchParams.set('session', sessionId);
    window.history.pushState(null, '', url);
  }
  markSelected(sessionId);

  let disposed = false;
  const charts: TimelineChart[] = [];
  let unsubscribe: (() => void) | undefined;
  shown = {
    sessionId,
    dispose() {
      disposed = true;
      unsubscribe?.();
      for (const chart of charts) chart.destroy();
    },
  };

  const top = h(
    'div',
    { id: 'session-top' },
    h('p', { class: 'meta loading' }, 'Loading session…'),
  );
  const bottom = h('div', { id: 'session-participants' });
  main.replaceChildren(top, bottom);
  main.dataset['state'] = 'loading';
  let pending = 2;
  const settled = () => {
    pending -= 1;
    if (pending === 0 && !disposed) main.dataset['state'] = 'ready';
  };

  void client
    .query(SessionOverview, { sessionId })
    .toPromise()
    .then((result) => {
      if (disposed) return;
      const session = result.data?.session;
      if (session == null) {
        top.replaceChildren(
          result.error === undefined
            ? h('p', { class: 'error' }, `No session ${sessionId}.`)
            : errorBanner(result.error),
        );
        settled();
        return;
      }
      fill(
        top,
        renderHeader(session),
        result.error === undefined ? null : errorBanner(result.error),
        renderOverview(session.qualityOverview),
      );
      if (session.status === 'LIVE') unsubscribe = watch(sessionId);
      settled();
    });

  void client
    .query(SessionParticipants, { sessionId, perPage: PARTICIPANTS_PER_PAGE })
    .toPromise()
    .then((result) => {
      if (disposed) return;
      const page = result.data?.session?.participants;
      fill(
        bottom,
        result.error === undefined ? null : errorBanner(result.error),
        page == null ? null : renderParticipants(page, charts),
      );
      // After the charts' microtask.
      queueMicrotask(settled);
    });

  /** Subscribes to the session's updates; returns the unsubscribe. */
  function watch(id: string): () => void {
    let events = 0;
    const subscription = client.subscription(SessionLive, { sessionId: id }).subscribe((result) => {
      if (disposed) return;
      const session = result.data?.sessionUpdates;
      if (result.error !== undefined) {
        top.append(errorBanner(result.error));
      } else if (session !== undefined) {
        events += 1;
        applyLive(session, events);
      }
    });
    return () => {
      subscription.unsubscribe();
    };
  }
}

// ---- Start ---------------------------------------------------------------------------------------

function requestedSession(): string | null {
  return new URL(window.location.href).searchParams.get('session');
}

window.addEventListener('popstate', () => {
  const sessionId = requestedSession();
  if (sessionId !== null) showSession(sessionId, false);
});

const requested = requestedSession();
// A session named in the address shows at once, while the list loads.
if (requested !== null) showSession(requested, false);

void client
  .query(DashboardSessions, { perPage: SESSIONS_PER_PAGE })
  .toPromise()
  .then((result) => {
    const page = result.data?.sessions;
    if (page == null) {
      sessionList.replaceChildren(
        result.error === undefined ? h('li', {}, 'No sessions.') : errorBanner(result.error),
      );
      return;
    }
    renderSessionList(page.items, page.paging.totalCount);
    if (requested !== null) {
      markSelected(requested);
      return;
    }
    // Without ?session=, the newest ended session (a LIVE one is still filling in), else the newest.
    const first = page.items.find((session) => session.status === 'ENDED') ?? page.items[0];
    if (first !== undefined) showSession(first.id, false);
    else main.replaceChildren(h('p', { class: 'meta' }, 'This app has no sessions yet.'));
  });
