import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AuditEvent, AuditVerification } from '../../../../shared/contract/manager-models';
import { checkpointOf } from '../../../../renderer/stores/audit';
import { AT, okResult } from '../../fakePos';
import { renderManager } from '../../renderManager';

const HASH = 'ab'.repeat(32);
const event = (seq: number, kind: string): AuditEvent => ({
  seq,
  at: AT + seq * 1_000,
  actor: 'manager',
  kind,
  subject: 'manager',
  details: '{}',
  hash: HASH,
});

function open(verification: AuditVerification) {
  const events = [
    event(1, 'manager.pin_set'),
    event(2, 'manager.login'),
    event(3, 'settings.changed'),
  ];
  return renderManager('audit', {
    'audit.list': (payload) => {
      const { afterSeq, limit } = payload as { afterSeq: number; limit: number };
      return okResult({
        events: events.filter((e) => e.seq > afterSeq).slice(0, limit),
        head: { seq: 3, hash: HASH },
      });
    },
    'audit.verify': () => okResult(verification),
  });
}

describe('audit screen', () => {
  it('lists the newest events first, and says "intact" with the count and the head', async () => {
    const { user, fake } = await open({
      intact: true,
      count: 3,
      head: { seq: 3, hash: HASH },
      problem: null,
    });
    const table = await screen.findByRole('table', { name: '최근 기록' });
    const kinds = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelectorAll('td')[3]?.textContent);
    // issue 12 finding 7: what happened in words, not the recorded code
    expect(kinds).toEqual(['설정 변경', '관리자 로그인', '관리자 PIN 설정']);
    expect(table).toHaveTextContent('관리자');
    expect(table).not.toHaveTextContent('manager');
    await user.click(screen.getByRole('button', { name: '검증 (Enter)' }));
    const ok = await screen.findByText('감사 기록이 온전합니다');
    const box = ok.closest('[data-intact]');
    expect(box).toHaveAttribute('data-intact', 'true');
    expect(box).toHaveTextContent('기록 3건 모두 연결이 맞습니다. 마지막 기록: #3');
    expect(box).toHaveTextContent(HASH);
    expect(fake.callsTo('audit.verify')).toEqual([{}]);
  });

  it.each([
    ['edited', '기록 내용이 바뀌었습니다'],
    ['removed', '기록이 지워졌습니다'],
    ['reordered', '기록 순서가 바뀌었습니다'],
    ['inserted', '없던 기록이 끼워졌습니다'],
  ] as const)(
    'a chain broken by an event %s: where and what, in plain words',
    async (kind, words) => {
      const { user } = await open({
        intact: false,
        count: 3,
        head: { seq: 3, hash: HASH },
        problem: { at: 2, kind, message: { ko: `감사 기록 #2: ${kind}`, en: kind } },
      });
      await user.click(await screen.findByRole('button', { name: '검증 (Enter)' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveAttribute('data-intact', 'false');
      expect(alert).toHaveTextContent('감사 기록이 변조되었습니다');
      expect(alert).toHaveTextContent(`2번 기록에서 사슬이 끊어졌습니다: ${words}`);
      expect(alert).toHaveTextContent(`감사 기록 #2: ${kind}`);
    },
  );

  it('checks against a checkpoint read off paper (spaces, capitals), and refuses a malformed one', async () => {
    const { user, fake } = await open({
      intact: true,
      count: 3,
      head: { seq: 3, hash: HASH },
      problem: null,
    });
    const seq = await screen.findByRole('textbox', { name: '기록 번호 (선택)' });
    await user.type(seq, '#2');
    await user.type(screen.getByRole('textbox', { name: '해시 (선택, 64자리)' }), 'XYZ');
    expect(
      screen.getByRole('textbox', { name: '해시 (선택, 64자리)' }),
    ).toHaveAccessibleDescription('해시는 마감 정산 용지에 인쇄된 64자리를 그대로 입력하세요');
    await user.click(screen.getByRole('button', { name: '검증 (Enter)' }));
    expect(fake.callsTo('audit.verify')).toEqual([]);
    await user.clear(screen.getByRole('textbox', { name: '해시 (선택, 64자리)' }));
    await user.type(
      screen.getByRole('textbox', { name: '해시 (선택, 64자리)' }),
      `${HASH.slice(0, 32).toUpperCase()} ${HASH.slice(32)}`,
    );
    await user.click(screen.getByRole('button', { name: '검증 (Enter)' }));
    expect(fake.callsTo('audit.verify')).toEqual([{ checkpoint: { seq: 2, hash: HASH } }]);
  });

  it.each([
    [{ seq: '', hash: '' }, {}],
    [{ seq: '0', hash: HASH }, { seq: 'audit.seqInvalid' }],
    [{ seq: '3', hash: '' }, { hash: 'audit.hashInvalid' }],
  ])('checkpoint %j -> errors %j', (draft, errors) => {
    expect(checkpointOf(draft).errors).toEqual(errors);
  });

  it('finding 7: the engine, cancellation states and subjects in words; the facts behind "자세히"', async () => {
    renderManagerWith([
      {
        ...event(1, 'cancellation.in_doubt'),
        actor: 'engine',
        subject: 'cancellation:7',
        details: '{"note":"x"}',
      },
      { ...event(2, 'some.new_kind'), subject: 'elsewhere' },
    ]);
    const table = await screen.findByRole('table', { name: '최근 기록' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[1]).toHaveTextContent('프로그램 (자동)');
    expect(rows[1]).toHaveTextContent('취소 상태 바뀜: 취소 확인 중');
    expect(rows[1]).toHaveTextContent('취소 #7');
    // the recorded JSON is there, folded away behind "자세히"
    const details = within(rows[1] as HTMLElement)
      .getByText('자세히')
      .closest('details');
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('{"note":"x"}');
    // a kind this screen does not know yet is shown as its code, not hidden
    expect(rows[0]).toHaveTextContent('some.new_kind');
  });
});

function renderManagerWith(events: AuditEvent[]) {
  return renderManager('audit', {
    'audit.list': () =>
      okResult({ events: [...events].reverse(), head: { seq: events.length, hash: HASH } }),
  });
}
