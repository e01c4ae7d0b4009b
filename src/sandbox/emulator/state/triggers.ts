import { isKnownActionField } from '../triggers/trigger-actions';
import { isKnownConditionField } from '../triggers/trigger-conditions';
import { notFound, recordInvalid, type FieldErrorDetail } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import { isJsonObject, toId, type JsonObject } from './input';
import type { TriggerAction, TriggerCondition, TriggerRecord } from './records';

type Errors = Record<string, FieldErrorDetail[]>;

/** POST /triggers: Zendesk refuses a trigger without actions, or one whose conditions or actions it does not know. */
export function createTrigger(state: EmulatorState, input: JsonObject, nowMs: number): TriggerRecord {
  const errors: Errors = {};
  if (typeof input.title !== 'string' || input.title.trim() === '') {
    errors.title = [{ description: 'Title: cannot be blank', error: 'BlankValue' }];
  }
  const conditions = readConditions(input.conditions, errors);
  const actions = readActions(state, input.actions, errors);
  if (Object.keys(errors).length > 0) throw recordInvalid(errors);
  const positions = [...state.triggers.values()].map((t) => t.position);
  const trigger: TriggerRecord = {
    id: nextId(state, 'trigger'),
    title: String(input.title),
    description: typeof input.description === 'string' ? input.description : '',
    active: input.active !== false,
    position: typeof input.position === 'number' ? input.position : Math.max(0, ...positions) + 1,
    conditions,
    actions,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  state.triggers.set(trigger.id, trigger);
  return trigger;
}

/** PUT /triggers/{id}: conditions and actions, when sent, replace the old ones whole. */
export function updateTrigger(state: EmulatorState, id: number, input: JsonObject, nowMs: number): TriggerRecord {
  const trigger = requireTrigger(state, id);
  const errors: Errors = {};
  const conditions = input.conditions === undefined ? trigger.conditions : readConditions(input.conditions, errors);
  const actions = input.actions === undefined ? trigger.actions : readActions(state, input.actions, errors);
  if (input.title !== undefined && (typeof input.title !== 'string' || input.title.trim() === '')) {
    errors.title = [{ description: 'Title: cannot be blank', error: 'BlankValue' }];
  }
  if (Object.keys(errors).length > 0) throw recordInvalid(errors);
  if (typeof input.title === 'string') trigger.title = input.title;
  if (typeof input.description === 'string') trigger.description = input.description;
  if (typeof input.active === 'boolean') trigger.active = input.active;
  if (typeof input.position === 'number') trigger.position = input.position;
  trigger.conditions = conditions;
  trigger.actions = actions;
  trigger.updatedAt = nowMs;
  return trigger;
}

export function requireTrigger(state: EmulatorState, id: number): TriggerRecord {
  const trigger = state.triggers.get(id);
  if (!trigger) throw notFound();
  return trigger;
}

/** PUT /triggers/reorder: the listed triggers take positions 1, 2, 3... in that order. */
export function reorderTriggers(state: EmulatorState, ids: readonly unknown[], nowMs: number): void {
  const triggers = ids.map((raw) => requireTrigger(state, toId(raw) ?? 0));
  triggers.forEach((trigger, index) => {
    trigger.position = index + 1;
    trigger.updatedAt = nowMs;
  });
}

function readConditions(raw: unknown, errors: Errors): TriggerRecord['conditions'] {
  const read = (list: unknown): TriggerCondition[] =>
    (Array.isArray(list) ? list : []).filter(isJsonObject).map((c) => ({
      field: String(c.field ?? ''),
      operator: String(c.operator ?? ''),
      value: c.value ?? null,
    }));
  const conditions = isJsonObject(raw) ? { all: read(raw.all), any: read(raw.any) } : { all: [], any: [] };
  const unknown = [...conditions.all, ...conditions.any].find((c) => !isKnownConditionField(c.field));
  if (unknown) errors.conditions = [{ description: `Conditions: ${unknown.field} is not a valid condition`, error: 'InvalidValue' }];
  return conditions;
}

function readActions(state: EmulatorState, raw: unknown, errors: Errors): TriggerAction[] {
  const actions = (Array.isArray(raw) ? raw : [])
    .filter(isJsonObject)
    .map((a) => ({ field: String(a.field ?? ''), value: a.value ?? null }));
  if (actions.length === 0) errors.actions = [{ description: 'Actions: cannot be blank', error: 'BlankValue' }];
  const unknown = actions.find((a) => !isKnownActionField(a.field));
  if (unknown) errors.actions = [{ description: `Actions: ${unknown.field} is not a valid action`, error: 'InvalidValue' }];
  // A trigger can only call a webhook that exists and is connected to triggers (not subscribed to events).
  const webhookAction = actions.find((a) => a.field === 'notification_webhook' && !isTriggerWebhook(state, a.value));
  if (webhookAction) errors.actions = [{ description: 'Actions: the webhook does not exist or is not connected to triggers', error: 'InvalidValue' }];
  return actions;
}

function isTriggerWebhook(state: EmulatorState, value: unknown): boolean {
  const id = Array.isArray(value) ? value[0] : undefined;
  const webhook = typeof id === 'string' ? state.webhooks.get(id) : undefined;
  return webhook?.subscriptions.includes('conditional_ticket_events') === true;
}
