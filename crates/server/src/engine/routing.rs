//! The routing worker: decides on every appended event, once.

use std::collections::{HashMap, VecDeque};

use domain::vocab::{ActionKind, Verdict};
use domain::{ActionId, ConversationId, ConversationState, Event, EventRecord, NewEvent, Reason, Seq};
use futures_util::{FutureExt, StreamExt};
use policy::router::REACTS_TO;
use policy::{Decision, Router};
use serde_json::Value;
use store::{AppendRequest, NewAction, StoreError};
use tokio::sync::watch;

use super::{Engine, EngineError, EngineStats, TIMERS_TOPIC, next_message};

/// Most conversations taken per safety-net scan of the routing cursors.
const SCAN: u32 = 256;
/// Conflicting appends retried before leaving the conversation to the next pass.
const ATTEMPTS: u32 = 5;
/// How often the cursors are scanned while notifications arrive.
const SCAN_EVERY: std::time::Duration = std::time::Duration::from_secs(5);
/// The scan reads the conversations table itself: an index on the head would make every
/// append's update of the row write index entries (migration 0003). So its interval grows with
/// its cost: after a scan that took `d`, the next waits at least `d` times this.
const SCAN_COST_FACTOR: u32 = 20;
/// Conversations whose decided position this instance remembers.
const DECIDED_CAPACITY: usize = 50_000;
/// Cursor moves held before they are written…
const MARKS_PENDING: usize = 1_024;
/// …or at most this long.
const MARKS_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// A timeline notification, as `AppState::notify` publishes it.
#[derive(serde::Deserialize)]
struct Note {
    conversation_id: ConversationId,
    seq: Seq,
    #[serde(default)]
    kinds: Vec<String>,
    /// The events themselves, when the notification was small enough to carry them: read only
    /// if this pass needs them (most notifications are settled by `kinds` alone).
    #[serde(skip)]
    raw: Vec<String>,
}

/// The records a notification carried.
#[derive(serde::Deserialize)]
struct Carried {
    records: Option<Vec<EventRecord>>,
}

impl Note {
    fn parse(message: String) -> Option<Note> {
        let mut note: Note = serde_json::from_str(&message).ok()?;
        note.raw.push(message);
        Some(note)
    }

    /// The carried records, in order, if every merged notification carried them.
    fn records(&self) -> Option<Vec<EventRecord>> {
        let mut all = Vec::new();
        for raw in &self.raw {
            all.extend(serde_json::from_str::<Carried>(raw).ok()?.records?);
        }
        Some(all)
    }
}

impl Note {
    /// Two notes of one conversation as one, if together they describe a contiguous run of
    /// events; otherwise `None` (look at everything).
    fn merge(a: Note, b: Note) -> Option<Note> {
        let (first, second) = if a.seq <= b.seq { (a, b) } else { (b, a) };
        let second_start = second.seq.0 + 1 - second.kinds.len() as u64;
        if second_start != first.seq.0 + 1 {
            return None;
        }
        let mut kinds = first.kinds;
        kinds.extend(second.kinds);
        let mut raw = first.raw;
        raw.extend(second.raw);
        Some(Note { conversation_id: first.conversation_id, seq: second.seq, kinds, raw })
    }
}

/// What routing one conversation did.
#[derive(Debug, PartialEq, Eq)]
pub enum Routed {
    /// Nothing new.
    UpToDate,
    /// No decision had effects; the cursor may move to this seq without an append.
    Nothing(Seq),
    /// Decisions were appended.
    Appended,
}

impl Engine {
    pub(super) async fn route_loop(self, mut stop: watch::Receiver<bool>) {
        let mut notes = self.subscribe("conversations").await;
        let mut tick = tokio::time::interval(self.poll());
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut marks: HashMap<ConversationId, Seq> = HashMap::new();
        let mut flushed = tokio::time::Instant::now();
        let mut scanned: Option<tokio::time::Instant> = None;
        let mut scan_cost = std::time::Duration::ZERO;
        loop {
            let mut batch: Vec<(ConversationId, Option<Note>)> = Vec::new();
            tokio::select! {
                _ = stop.changed() => if *stop.borrow() { break },
                message = next_message(&mut notes) => {
                    // Take what else has already arrived too, and route the lot concurrently.
                    let mut message = message;
                    while let Some(m) = message.take() {
                        if let Some(note) = Note::parse(m) {
                            batch.push((note.conversation_id, Some(note)));
                        }
                        if batch.len() < SCAN as usize {
                            message = next_message(&mut notes).now_or_never().flatten();
                        }
                    }
                }
                _ = tick.tick() => {
                    if notes.is_none() {
                        notes = self.subscribe("conversations").await;
                    }
                    // With notifications the scan is a safety net; without, it is the only way
                    // to learn of new events, so it runs every poll (as long as it is cheap).
                    let gap = scan_gap(notes.is_some(), scan_cost);
                    if scanned.is_none_or(|at| at.elapsed() >= gap) {
                        self.flush_marks(&mut marks).await;
                        flushed = tokio::time::Instant::now();
                        scanned = Some(flushed);
                        let found = self.app.store.unrouted(SCAN).await;
                        // A failed scan's time (a pool timeout, say) says nothing of the table.
                        scan_cost = if found.is_ok() { flushed.elapsed() } else { std::time::Duration::ZERO };
                        match found {
                            Ok(ids) => {
                                // A full page means a backlog (after downtime, say): keep
                                // scanning every tick until it is worked off.
                                if ids.len() >= SCAN as usize {
                                    scanned = None;
                                }
                                batch.extend(ids.into_iter().map(|id| (id, None)));
                            }
                            Err(e) => tracing::warn!(error = %e, "routing scan failed"),
                        }
                    }
                }
            }
            for (id, seq) in self.route_batch(batch).await {
                keep_furthest(&mut marks, id, seq);
            }
            if marks.len() >= MARKS_PENDING || flushed.elapsed() >= MARKS_EVERY {
                self.flush_marks(&mut marks).await;
                flushed = tokio::time::Instant::now();
            }
        }
        self.flush_marks(&mut marks).await;
    }

    /// Writes the cursor moves that needed no append. They are batched: each is a write to
    /// the conversation's row, which every append also takes, and a move that is late only
    /// means those events are looked at again (deciding nothing again, or, if the
    /// conversation has since changed, deciding with that knowledge).
    async fn flush_marks(&self, marks: &mut HashMap<ConversationId, Seq>) {
        let list: Vec<(ConversationId, Seq)> = marks.drain().collect();
        if let Err(e) = self.app.store.mark_routed(&list).await {
            tracing::warn!(error = %e, "could not move routing cursors; will retry");
            for (id, seq) in list {
                keep_furthest(marks, id, seq);
            }
        }
    }

    /// Routes a batch of conversations with bounded concurrency; returns the cursor moves that
    /// needed no append.
    async fn route_batch(&self, batch: Vec<(ConversationId, Option<Note>)>) -> Vec<(ConversationId, Seq)> {
        // One pass per conversation: its notes merge into one covering all their events (a scan
        // entry, without a note, means "look at everything").
        let mut merged: HashMap<ConversationId, Option<Note>> = HashMap::new();
        for (id, note) in batch {
            match merged.entry(id) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(note);
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    let combined = match (o.get_mut().take(), note) {
                        (Some(a), Some(b)) => Note::merge(a, b),
                        _ => None,
                    };
                    *o.get_mut() = combined;
                }
            }
        }
        let batch: Vec<_> = merged.into_iter().collect();
        let results: Vec<(ConversationId, Result<Routed, EngineError>)> = futures_util::stream::iter(batch)
            .map(|(id, note)| async move { (id, self.route_hinted(id, note).await) })
            .buffer_unordered(self.settings.concurrency.max(1))
            .collect()
            .await;
        let mut marks = Vec::new();
        for (id, result) in results {
            match result {
                Ok(Routed::Nothing(seq)) => marks.push((id, seq)),
                Ok(_) => {}
                Err(e) => tracing::warn!(conversation_id = %id, error = %e, "routing failed; will retry"),
            }
        }
        marks
    }

    /// Routes one conversation, skipping the load when a notification shows only events the
    /// router never acts on, right after the cursor.
    async fn route_hinted(&self, id: ConversationId, note: Option<Note>) -> Result<Routed, EngineError> {
        if let Some(note) = note {
            // What this instance decided itself needs no query: skipping events it already
            // decided on is safe whoever else routes them.
            let cursor = match self.decided(id) {
                Some(seq) => seq,
                None => self.app.store.routing_cursor(id).await?.unwrap_or_default(),
            };
            if cursor >= note.seq {
                metrics::counter!("throughline_routing_passes_total", "path" => "known").increment(1);
                return Ok(Routed::UpToDate);
            }
            let first = Seq(note.seq.0 + 1 - note.kinds.len() as u64);
            let inert = !note.kinds.is_empty() && note.kinds.iter().all(|k| !REACTS_TO.contains(&k.as_str()));
            if inert && cursor.next() >= first {
                metrics::counter!("throughline_routing_passes_total", "path" => "inert").increment(1);
                self.note_decided(id, note.seq);
                return Ok(Routed::Nothing(note.seq));
            }
            if cursor.next() >= first
                && let Some(records) = note.records()
                && let Some(routed) = self.route_carried(id, first, &records).await?
            {
                metrics::counter!("throughline_routing_passes_total", "path" => "carried").increment(1);
                return Ok(routed);
            }
        }
        if let Some(routed) = self.route_fast(id).await? {
            metrics::counter!("throughline_routing_passes_total", "path" => "fast").increment(1);
            return Ok(routed);
        }
        metrics::counter!("throughline_routing_passes_total", "path" => "full").increment(1);
        self.route(id).await
    }

    /// The commonest case, without any query: the notification carried the new events, this
    /// instance decided everything before them and its cached fold stands just before them.
    async fn route_carried(
        &self,
        id: ConversationId,
        first: Seq,
        records: &[EventRecord],
    ) -> Result<Option<Routed>, EngineError> {
        let before = Seq(first.0.saturating_sub(1));
        let Some(campaign) = self.states.campaign_at(id, before) else { return Ok(None) };
        let runtime = self.campaign(campaign).await?;
        let router = runtime.router(&self.rules);
        let now = self.app.clock.now();
        // Folded in place under the cache's lock: no copy of the state. The fold stays cached
        // whatever the router decides (it is the timeline's, not the router's); if a decision
        // would act, the careful pass takes over from it.
        let quiet = self.states.update_at(id, before, |current| {
            for record in records {
                if current.state.apply(record).is_err() {
                    return (false, false);
                }
            }
            current.remember(records);
            (true, all_silent(&router, &current.state, records, now))
        });
        if quiet != Some(true) {
            return Ok(None);
        }
        let head = records.last().map_or(before, |r| r.seq);
        self.note_decided(id, head);
        Ok(Some(Routed::Nothing(head)))
    }

    /// The common case without a cursor query: this instance has decided everything up to its
    /// cached fold, so only the events after the fold are undecided, and if the router decides
    /// nothing for any of them, nothing needs writing now. `None` when that does not hold or a
    /// decision has effects: then [`Engine::route`] does the careful pass.
    async fn route_fast(&self, id: ConversationId) -> Result<Option<Routed>, EngineError> {
        let (Some(decided), Some(cached)) = (self.decided(id), self.states.seq(id)) else { return Ok(None) };
        if decided < cached {
            return Ok(None);
        }
        let (current, fresh) = self.states.refresh(self.app.store.as_ref(), id).await?;
        let head = current.state.last_seq;
        if head <= decided {
            // Decided here already; the stored cursor may still lag (its move not yet written,
            // or this pass came from the scan), so the move is offered again.
            return Ok(Some(Routed::Nothing(head)));
        }
        let runtime = self.campaign(current.conversation.campaign_id).await?;
        let router = runtime.router(&self.rules);
        let now = self.app.clock.now();
        let undecided: Vec<EventRecord> = fresh.into_iter().filter(|r| r.seq > decided).collect();
        if !all_silent(&router, &current.state, &undecided, now) {
            return Ok(None);
        }
        self.note_decided(id, head);
        Ok(Some(Routed::Nothing(head)))
    }

    /// Decides on every event after the conversation's cursor and appends the decisions, with
    /// the cursor's move, in one transaction.
    pub async fn route(&self, id: ConversationId) -> Result<Routed, EngineError> {
        for _ in 0..ATTEMPTS {
            // Timeline first, cursor second: a cursor read before another router's commit could
            // be older than the timeline read after it, and its decisions would be made twice.
            // Read in this order, a cursor that moved past the timeline only means less to do,
            // and one that moved with an append makes this append conflict.
            let current = self.states.current(self.app.store.as_ref(), id).await?;
            let cursor = self.app.store.routing_cursor(id).await?.ok_or(StoreError::NotFound("conversation"))?;
            let head = current.state.last_seq;
            if head <= cursor {
                self.note_decided(id, cursor);
                return Ok(Routed::UpToDate);
            }
            let undecided = current.since(self.app.store.as_ref(), cursor).await?;
            let runtime = self.campaign(current.conversation.campaign_id).await?;
            let router = runtime.router(&self.rules);
            let Some((request, after)) = plan(&router, id, current.state.clone(), &undecided, self.app.clock.now())?
            else {
                // Remembered, so the next notification is settled from the cache (the cursor's
                // move is written later, in a batch).
                self.note_decided(id, head);
                return Ok(Routed::Nothing(head));
            };
            let timers: Vec<(ActionId, chrono::DateTime<chrono::Utc>)> =
                request.schedule.iter().map(|a| (a.id, a.due_at)).collect();
            match self.app.append(id, request.expecting(head)).await {
                Ok(outcome) => {
                    EngineStats::bump(&self.stats.routed);
                    if let store::AppendOutcome::Appended { records, .. } = &outcome {
                        self.note_decided(id, records.last().map_or(head, |r| r.seq));
                        self.states.put(id, &current.with(after, records));
                    }
                    for (timer, due) in &timers {
                        if let Err(e) = self.app.hot.index_timer(*timer, *due).await {
                            tracing::debug!(error = %e, "timer not indexed; workers will still poll for it");
                        }
                    }
                    if !timers.is_empty() {
                        self.wake(TIMERS_TOPIC).await;
                    }
                    return Ok(Routed::Appended);
                }
                Err(StoreError::Conflict { .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(EngineError::Busy)
    }
}

impl Engine {
    /// How far this instance has decided on a conversation, if it remembers.
    fn decided(&self, id: ConversationId) -> Option<Seq> {
        self.decided.lock().ok().and_then(|d| d.get(&id).copied())
    }

    fn note_decided(&self, id: ConversationId, seq: Seq) {
        if let Ok(mut decided) = self.decided.lock() {
            if decided.len() >= DECIDED_CAPACITY {
                decided.clear();
            }
            keep_furthest(&mut decided, id, seq);
        }
    }
}

/// Records `seq` for `id` unless a further one is recorded already.
fn keep_furthest(seqs: &mut HashMap<ConversationId, Seq>, id: ConversationId, seq: Seq) {
    let entry = seqs.entry(id).or_default();
    *entry = (*entry).max(seq);
}

/// The least time between two safety-net scans: every poll without notifications, every
/// [`SCAN_EVERY`] with them, and never more than a `1 / SCAN_COST_FACTOR` share of the time.
fn scan_gap(notified: bool, cost: std::time::Duration) -> std::time::Duration {
    let base = if notified { SCAN_EVERY } else { std::time::Duration::ZERO };
    base.max(cost * SCAN_COST_FACTOR)
}

/// True if the router, judging with `state`, decides nothing at all about any of `events`.
fn all_silent(
    router: &Router<'_>,
    state: &ConversationState,
    events: &[EventRecord],
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    events.iter().all(|r| router.decide(state, r, r.at.min(now)).is_silent())
}

/// Asks the router about each of `events` (the undecided tail of the timeline) and about the
/// events its own decisions produce (a dropped step moves the cadence on). Decisions are made
/// with everything known: `state` is the fold of the whole timeline, and each decision's events
/// are applied to it before the next decision, exactly as they will be appended after the
/// head. So a batch like "cancelled, replied, opted out" is judged knowing about the opt-out.
/// Step delays count from the triggering event's time, so a late pass keeps the schedule.
/// `None` if nothing was decided.
fn plan(
    router: &Router<'_>,
    id: ConversationId,
    mut state: ConversationState,
    events: &[EventRecord],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(AppendRequest, ConversationState)>, EngineError> {
    let mut next_seq = state.last_seq.next();
    let mut queue: VecDeque<EventRecord> = events.iter().cloned().collect();
    let mut request = AppendRequest::default();
    while let Some(record) = queue.pop_front() {
        let decision = router.decide(&state, &record, record.at.min(now));
        let mut produced = Vec::new();
        produced.extend(decision_record(&decision, &state, &record));
        for cancelled in decision.cancellations(&state) {
            if let Event::ActionCancelled { action_id, .. } = &cancelled {
                request.cancel_actions.push(*action_id);
            }
            produced.push(cancelled);
        }
        for (i, planned) in decision.schedule.iter().enumerate() {
            let action_id = ActionId::new();
            request.schedule.push(NewAction {
                id: action_id,
                kind: planned.kind().as_str().into(),
                channel: Some(planned.action.channel().as_str().into()),
                due_at: planned.due_at,
                idempotency_key: format!("{id}:route:{}:{i}", record.seq),
                payload: serde_json::to_value(planned).unwrap_or(Value::Null),
            });
            produced.push(planned.scheduled_event(action_id));
        }
        if let Some(due_at) = decision.agent_reply {
            let action_id = ActionId::new();
            let idempotency_key = format!("{id}:agent:{}", record.seq);
            request.schedule.push(NewAction {
                id: action_id,
                kind: ActionKind::SmsAgentReply.as_str().into(),
                channel: Some(domain::Channel::Sms.as_str().into()),
                due_at,
                idempotency_key: idempotency_key.clone(),
                payload: serde_json::json!({"after": record.seq}),
            });
            produced.push(Event::ActionScheduled {
                action_id,
                kind: ActionKind::SmsAgentReply,
                channel: Some(domain::Channel::Sms),
                due_at,
                idempotency_key,
                step: None,
            });
        }
        for event in produced {
            let record = EventRecord { conversation_id: id, seq: next_seq, at: now, recorded_at: now, event };
            next_seq = next_seq.next();
            state.apply(&record).map_err(|e| EngineError::Unreadable(e.to_string()))?;
            request.events.push(NewEvent::new(now, record.event.clone()));
            queue.push_back(record);
        }
    }
    if request.events.is_empty() {
        return Ok(None);
    }
    request.routed_through = Some(Seq(next_seq.0 - 1));
    Ok(Some((request, state)))
}

/// The `decision_recorded` event for a routing decision that planned, cancelled or concluded
/// something; `None` for the common "nothing to do".
fn decision_record(decision: &Decision, state: &ConversationState, trigger: &EventRecord) -> Option<Event> {
    if decision.is_silent() {
        return None;
    }
    let mut inputs = serde_json::Map::new();
    inputs.insert("event".into(), Value::String(trigger.event.kind().into()));
    inputs.insert("seq".into(), Value::from(trigger.seq.0));
    let mut reasons = vec![Reason {
        rule: "trigger".into(),
        passed: true,
        detail: format!("routing {} (seq {})", trigger.event.kind(), trigger.seq),
        inputs,
    }];
    reasons.extend(decision.reasons.iter().cloned());
    let (action, channel, verdict) = match decision.schedule.first() {
        Some(planned) => (planned.kind(), Some(planned.action.channel()), Verdict::Allowed),
        None if decision.agent_reply.is_some() => {
            (ActionKind::SmsAgentReply, Some(domain::Channel::Sms), Verdict::Allowed)
        }
        None => {
            let cancelled = decision.cancel_pending.as_ref().and_then(|_| state.pending.values().next());
            (cancelled.map_or(ActionKind::FollowUp, |p| p.kind), cancelled.and_then(|p| p.channel), Verdict::Blocked)
        }
    };
    Some(Event::DecisionRecorded { action, channel, verdict, reasons, next_allowed_at: None })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn the_scan_runs_at_its_base_interval_while_cheap_and_backs_off_when_costly() {
        assert_eq!(scan_gap(true, Duration::from_millis(2)), SCAN_EVERY);
        assert_eq!(scan_gap(false, Duration::from_millis(2)), Duration::from_millis(40));
        assert_eq!(scan_gap(false, Duration::ZERO), Duration::ZERO);
        // A table so large that one scan takes a second: at most one scan every 20 s.
        assert_eq!(scan_gap(true, Duration::from_secs(1)), Duration::from_secs(20));
        assert_eq!(scan_gap(false, Duration::from_secs(1)), Duration::from_secs(20));
    }
}
