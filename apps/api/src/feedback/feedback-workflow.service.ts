/**
 * Applies one workflow request to an item: the pure state machine decides whether it is allowed
 * (409 `invalid_transition` when not), then the change and its history events are written in one
 * transaction, guarded by the status the decision was made on.
 */
import {
  applyAction,
  currentDueDate,
  mentionsContact,
  parseTrackingCode,
  registerSearchText,
  type UnitTree,
  type WorkflowAction,
  type WorkflowState,
} from '@hailong/domain';
import type { TransitionRequest } from '@hailong/contracts';
import type {
  FeedbackEventRow,
  FeedbackPatch,
  FeedbackRegisterRow,
  Repositories,
  UserRow,
} from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { canSee, changedMeanwhile, eventId } from './feedback-access.ts';

type Transition = Exclude<TransitionRequest, undefined>;

const invalid = (path: string, message: string, text: string) =>
  new ApiError(422, 'validation_failed', text, [{ path, message }]);

function actionsOf(input: Transition): WorkflowAction[] {
  switch (input.action) {
    case 'classify':
      return [{ type: 'classify', classification: input.classification }];
    case 'start':
      return [{ type: 'start' }];
    case 'answer':
      return input.publish ? [{ type: 'answer' }, { type: 'publish' }] : [{ type: 'answer' }];
    case 'publish':
      return [{ type: 'publish' }];
    case 'close':
      return [{ type: 'close', reason: input.reason }];
  }
}

/** A sector set or corrected at classification: null, or one of the item's own unit. */
interface SectorChange {
  sectorId: string | null;
  sectorName: string | null;
}

async function sectorChange(
  repos: Repositories,
  input: Transition,
  row: FeedbackRegisterRow,
): Promise<SectorChange | undefined> {
  if (input.action !== 'classify' || input.sectorId === undefined) return undefined;
  if (input.sectorId === null) return { sectorId: null, sectorName: null };
  const sector = (await repos.catalogue.listSectors(row.unitId)).find(
    (s) => s.id === input.sectorId,
  );
  if (!sector) {
    throw invalid(
      'sectorId',
      "not a sector of the item's unit",
      'Lĩnh vực không thuộc đơn vị tiếp nhận phản ánh, kiến nghị này.',
    );
  }
  return { sectorId: sector.id, sectorName: sector.name };
}

/** The fields one action sets, besides status and the deadline that binds. */
async function fieldsOf(
  repos: Repositories,
  action: WorkflowAction,
  input: Transition,
  row: FeedbackRegisterRow,
  user: UserRow,
  now: number,
  sector: SectorChange | undefined,
  tree: UnitTree,
): Promise<Partial<FeedbackPatch>> {
  switch (action.type) {
    case 'classify':
      return {
        classification: action.classification,
        forwardedTo:
          input.action === 'classify' && action.classification === 'forwarded'
            ? (input.forwardedTo ?? null)
            : null,
        classifiedAt: now,
        ...(sector && { sectorId: sector.sectorId }),
      };
    case 'start':
      return {};
    case 'answer':
      if (input.action !== 'answer') return {};
      return {
        answerText: input.text,
        answerChannel: input.channel,
        answeredAt: now,
        answeredBy: user.id,
      };
    case 'publish': {
      const text = input.action === 'answer' ? input.text : row.answerText;
      // Any phone number, not only the citizen's: a grouping the mask missed must not be public.
      if (text && mentionsContact(text, { name: row.contactName, phone: row.contactPhone })) {
        throw invalid(
          'text',
          'must not contain the citizen’s name, given name or any phone number',
          'Câu trả lời công khai không được chứa họ tên, tên gọi của người dân hay bất kỳ số điện thoại nào.',
        );
      }
      return {
        answerPublished: true,
        publishedAt: now,
        answerSearch: registerSearchText(row.trackingCode, text ?? ''),
      };
    }
    case 'close': {
      if (input.action !== 'close') return {};
      return {
        closeReason: action.reason,
        closeNote: input.note ?? null,
        closedAt: now,
        duplicateOf:
          action.reason === 'duplicate' ? await original(repos, input, row, user, tree) : null,
      };
    }
  }
}

/** The item a duplicate repeats, by its tracking code; it must be another item the user can see. */
async function original(
  repos: Repositories,
  input: Transition & { action: 'close' },
  row: FeedbackRegisterRow,
  user: UserRow,
  tree: UnitTree,
): Promise<string> {
  const code = parseTrackingCode(input.duplicateOf ?? '');
  const candidates = code ? await repos.feedback.findByTrackingCode(code) : [];
  const found = candidates.filter((c) => c.id !== row.id && canSee(user, c, tree));
  if (found.length === 0) {
    throw invalid(
      'duplicateOf',
      'no other item with this tracking code',
      'Không tìm thấy phản ánh, kiến nghị khác có mã tra cứu này.',
    );
  }
  return found[0]!.id;
}

function eventDetails(
  input: Transition,
  row: FeedbackRegisterRow,
  sector: SectorChange | undefined,
): FeedbackEventRow['details'] {
  switch (input.action) {
    case 'classify':
      return {
        classification: input.classification,
        forwardedTo: input.forwardedTo ?? null,
        ...(sector && { ...sector, previousSectorId: row.sectorId }),
      };
    case 'answer':
      return { channel: input.channel, publish: input.publish ?? false };
    case 'close':
      return { reason: input.reason, duplicateOf: input.duplicateOf ?? null };
    default:
      return {};
  }
}

export async function applyTransition(
  repos: Repositories,
  now: number,
  row: FeedbackRegisterRow,
  input: Transition,
  user: UserRow,
  tree: UnitTree,
): Promise<void> {
  let state: WorkflowState = { status: row.status, classification: row.classification };
  let patch: FeedbackPatch = { updatedAt: now };
  const sector = await sectorChange(repos, input, row);
  const events: FeedbackEventRow[] = [];
  for (const action of actionsOf(input)) {
    const result = applyAction(state, action);
    if (!result.ok) {
      throw new ApiError(409, 'invalid_transition', result.reason.vi, {
        status: state.status,
        action: action.type,
      });
    }
    patch = {
      ...patch,
      ...(await fieldsOf(repos, action, input, row, user, now, sector, tree)),
    };
    events.push({
      id: eventId(now),
      feedbackId: row.id,
      at: now,
      actorId: user.id,
      action: action.type,
      fromStatus: state.status,
      toStatus: result.state.status,
      note: 'note' in input ? (input.note ?? null) : null,
      details: events.length === 0 ? eventDetails(input, row, sector) : {},
    });
    state = result.state;
  }
  const deadlines = { classifyDue: row.classifyDue ?? '', answerDue: row.answerDue ?? '' };
  patch = { ...patch, status: state.status, dueDate: currentDueDate(state, deadlines) };
  await repos.transaction(async (tx) => {
    if (!(await tx.feedback.update(row.id, row.status, patch))) throw changedMeanwhile();
    await tx.feedback.appendEvents(events);
  });
}
