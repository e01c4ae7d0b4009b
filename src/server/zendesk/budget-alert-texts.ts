import type { ObjectivePeriod } from '../../core/report';
import type { TemplateLocale } from '../notifications/notification-settings';

/** The figures a budget alert's email states, already formatted (numbers as the locale writes them). */
export interface BudgetAlertFigures {
  readonly title: string;
  readonly percent: string;
  readonly minutes: string;
  readonly period: ObjectivePeriod;
  readonly zone: string;
  /** Null before the period's alert: the text then states the threshold instead. */
  readonly sent: { readonly periodStart: string; readonly attainment: string; readonly left: string; readonly budget: string; readonly leftShare: string } | null;
  readonly threshold: string;
}

interface Words {
  readonly subject: (title: string) => string;
  readonly target: (f: BudgetAlertFigures) => string;
  readonly periodFrom: (date: string) => string;
  readonly attainment: (value: string) => string;
  readonly left: (left: string, budget: string, share: string) => string;
  readonly atThreshold: (threshold: string) => string;
  readonly ticket: string;
  readonly periods: Readonly<Record<ObjectivePeriod, string>>;
}

/**
 * Budget alert emails in the account's language, as the Out-of-SLA triggers take theirs (one text per trigger: a
 * Zendesk trigger sends the same text to everyone it mails). Placeholders are Zendesk's.
 */
const WORDS: Readonly<Record<TemplateLocale, Words>> = {
  en: {
    subject: (title) => `SLA objective "${title}": error budget nearly spent`,
    target: (f) => `Objective: ${f.percent}% within ${f.minutes} business minutes, per ${WORDS.en.periods[f.period]} (${f.zone})`,
    periodFrom: (date) => `Period from ${date}`,
    attainment: (value) => `Attainment so far: ${value}`,
    left: (left, budget, share) => `Error budget left: ${left} of ${budget} (${share})`,
    atThreshold: (threshold) => `The error budget left fell to ${threshold} of the period's budget or below.`,
    ticket: 'The breach that crossed the threshold: ticket #{{ticket.id}} "{{ticket.title}}"',
    periods: { day: 'day', week: 'week', month: 'month', quarter: 'quarter' },
  },
  ja: {
    subject: (title) => `SLA 目標「${title}」: エラーバジェットが残りわずかです`,
    target: (f) => `目標: ${WORDS.ja.periods[f.period]}ごとに ${f.percent}% を ${f.minutes} 営業分以内 (${f.zone})`,
    periodFrom: (date) => `期間の開始: ${date}`,
    attainment: (value) => `現在の達成率: ${value}`,
    left: (left, budget, share) => `残りのエラーバジェット: ${budget} のうち ${left} (${share})`,
    atThreshold: (threshold) => `残りのエラーバジェットが期間の予算の ${threshold} 以下になりました。`,
    ticket: 'しきい値を超えた違反: チケット #{{ticket.id}}「{{ticket.title}}」',
    periods: { day: '日', week: '週', month: '月', quarter: '四半期' },
  },
  'zh-cn': {
    subject: (title) => `SLA 目标“${title}”：错误预算即将用完`,
    target: (f) => `目标：每${WORDS['zh-cn'].periods[f.period]} ${f.percent}% 在 ${f.minutes} 个工作分钟内 (${f.zone})`,
    periodFrom: (date) => `周期开始：${date}`,
    attainment: (value) => `目前达成率：${value}`,
    left: (left, budget, share) => `剩余错误预算：${left} / ${budget} (${share})`,
    atThreshold: (threshold) => `剩余错误预算已降至本周期预算的 ${threshold} 或以下。`,
    ticket: '越过阈值的违约：工单 #{{ticket.id}}“{{ticket.title}}”',
    periods: { day: '天', week: '周', month: '月', quarter: '季度' },
  },
  pl: {
    subject: (title) => `Cel SLA „${title}”: budżet błędów prawie wyczerpany`,
    target: (f) => `Cel: ${f.percent}% w ciągu ${f.minutes} minut roboczych, ${WORDS.pl.periods[f.period]} (${f.zone})`,
    periodFrom: (date) => `Okres od ${date}`,
    attainment: (value) => `Dotychczasowa realizacja: ${value}`,
    left: (left, budget, share) => `Pozostały budżet błędów: ${left} z ${budget} (${share})`,
    atThreshold: (threshold) => `Pozostały budżet błędów spadł do ${threshold} budżetu okresu lub niżej.`,
    ticket: 'Naruszenie, które przekroczyło próg: zgłoszenie #{{ticket.id}} „{{ticket.title}}”',
    periods: { day: 'dziennie', week: 'tygodniowo', month: 'miesięcznie', quarter: 'kwartalnie' },
  },
  es: {
    subject: (title) => `Objetivo de SLA «${title}»: presupuesto de errores casi agotado`,
    target: (f) => `Objetivo: ${f.percent}% en ${f.minutes} minutos laborables, por ${WORDS.es.periods[f.period]} (${f.zone})`,
    periodFrom: (date) => `Periodo desde ${date}`,
    attainment: (value) => `Cumplimiento hasta ahora: ${value}`,
    left: (left, budget, share) => `Presupuesto de errores restante: ${left} de ${budget} (${share})`,
    atThreshold: (threshold) => `El presupuesto de errores restante bajó al ${threshold} del presupuesto del periodo o menos.`,
    ticket: 'El incumplimiento que cruzó el umbral: ticket #{{ticket.id}} «{{ticket.title}}»',
    periods: { day: 'día', week: 'semana', month: 'mes', quarter: 'trimestre' },
  },
};

export function budgetAlertWords(locale: TemplateLocale, figures: BudgetAlertFigures): { subject: string; body: string } {
  const w = WORDS[locale];
  const subject = w.subject(figures.title);
  const lines = figures.sent
    ? [w.periodFrom(figures.sent.periodStart), w.attainment(figures.sent.attainment), w.left(figures.sent.left, figures.sent.budget, figures.sent.leftShare)]
    : [w.atThreshold(figures.threshold)];
  return { subject, body: [subject, '', w.target(figures), ...lines, '', w.ticket, '{{ticket.link}}'].join('\n') };
}
