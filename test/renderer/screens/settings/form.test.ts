import { describe, expect, it } from 'vitest';
import {
  blockingErrors,
  draftOf,
  settingsPatch,
  validateSettings,
  type SettingsDraft,
} from '../../../../renderer/screens/settings/form';
import { validateCancelField } from '../../../../shared/kicc/requests';
import { settings } from '../../fakePos';

const saved = settings();
const draft = (patch: Partial<SettingsDraft>): SettingsDraft => ({ ...draftOf(saved), ...patch });

describe('settings form: KICC ids checked with the shared rules, as typed', () => {
  it.each([
    ['terminalId', 'T12345678901', 'tid'],
    ['terminalId', '단말기', 'tid'],
    ['serviceId', '', 'svcId'],
    ['businessNumber', '12345', 'bizrNo'],
    ['businessNumber', '12345678AB', 'bizrNo'],
  ] as const)("%s = %j: the message KICC's rule gives (%s)", (field, value, kicc) => {
    const errors = validateSettings(draft({ [field]: value }));
    const shared = validateCancelField(kicc, value.replace(/[-\s]/g, ''));
    expect(shared.length).toBeGreaterThan(0);
    expect(errors[field]?.map((e) => e.message)).toEqual(shared.map((e) => e.message));
  });

  it.each([
    ['businessNumber', '123-45-67890'],
    ['businessNumber', '1234567890'],
    ['terminalId', 'T123456789'],
  ] as const)('%s = %j passes', (field, value) => {
    expect(validateSettings(draft({ [field]: value }))[field]).toBeUndefined();
  });

  it.each([
    ['cashierMaxAmount', '', 'required'],
    ['cashierMaxAmount', '-1', 'amount'],
    ['cashierMaxAmount', '1.5', 'amount'],
    ['cashierMaxAmount', '오십만', 'amount'],
    ['offlineMaxCount', '10001', 'amount'],
  ] as const)('limit %s = %j is refused (%s)', (field, value, rule) => {
    expect(validateSettings(draft({ [field]: value }))[field]?.[0]?.rule).toBe(rule);
  });

  it('a store not configured yet (empty ids) can still save its limits: unchanged fields are not judged', () => {
    const empty = settings({ terminalId: '', serviceId: '', businessNumber: '' });
    const changed = { ...draftOf(empty), cashierMaxAmount: '100,000' };
    expect(validateSettings(changed).terminalId).toBeDefined();
    expect(blockingErrors(empty, changed)).toEqual({});
    expect(settingsPatch(empty, changed)).toEqual({ limits: { cashierMaxAmount: 100_000 } });
  });

  it('sends only what changed, the business number as its 10 digits', () => {
    expect(settingsPatch(saved, draftOf(saved))).toEqual({});
    expect(
      settingsPatch(
        saved,
        draft({ businessNumber: '987-65-43210', printerName: 'POS-80', startAtLogin: true }),
      ),
    ).toEqual({ businessNumber: '9876543210', printerName: 'POS-80', startAtLogin: true });
    expect(settingsPatch(saved, draft({ businessNumber: '123-45-67890' }))).toEqual({});
  });
});

describe('settings form: API address and store name, with the contract rules (no zod)', () => {
  it.each([
    ['ftp://kicc.example.co.kr', true],
    ['https://kicc.example.co.kr/api', true],
    ['http://kicc.example.co.kr', true],
    ['kicc.example.co.kr', true],
    ['https://kicc.example.co.kr', false],
    ['https://kicc.example.co.kr/', false],
    ['http://127.0.0.1:8080', false],
    ['', false],
  ] as const)('API address %j refused: %s', (apiBaseUrl, refused) => {
    const errors = validateSettings(draft({ apiBaseUrl }));
    expect(errors.apiBaseUrl !== undefined).toBe(refused);
  });

  it.each([
    ['행복한 김밥 강남점', []],
    ['가'.repeat(40), []],
    ['가'.repeat(41), ['maxBytes']],
    ['김밥\t천국', ['type']],
    ['가'.repeat(40) + '\u0007', ['maxBytes', 'type']],
    ['  김밥천국\n', []],
  ] as const)('store name %j: %j', (storeName, rules) => {
    const errors = validateSettings(draft({ storeName }));
    expect((errors.storeName ?? []).map((e) => e.rule)).toEqual(rules);
  });

  it('sends the store name trimmed, and only when it changed', () => {
    expect(settingsPatch(saved, draft({ storeName: '  김밥천국  ' }))).toEqual({
      storeName: '김밥천국',
    });
    expect(settingsPatch(saved, draft({ storeName: '   ' }))).toEqual({});
  });
});

describe('settings form: the cashiers, one a line (issue 13 finding 5)', () => {
  it('sends the list when it changed, blank lines and spaces ignored', () => {
    expect(settingsPatch(saved, draft({ cashiers: ' 07  김민지 \n\n12 이준호\n' }))).toEqual({
      cashiers: [
        { no: '07', name: '김민지' },
        { no: '12', name: '이준호' },
      ],
    });
    const named = settings({ cashiers: [{ no: '07', name: '김민지' }] });
    expect(settingsPatch(named, { ...draftOf(named) })).toEqual({});
    expect(settingsPatch(named, { ...draftOf(named), cashiers: '' })).toEqual({ cashiers: [] });
  });

  it.each([
    ['07 김민지\n12 이준호', []],
    ['김민지', ['1번째 줄: 번호는 숫자 1~4자리입니다']],
    ['07', ['1번째 줄: 번호 뒤에 이름을 20자 이하로 쓰세요']],
    ['07 김민지\n\n12345 이준호', ['3번째 줄: 번호는 숫자 1~4자리입니다']],
    ['07 김민지\n07 이준호', ['번호 07이(가) 두 번 쓰였습니다']],
  ] as const)('%j: %j', (cashiers, messages) => {
    const errors = validateSettings(draft({ cashiers }));
    expect((errors.cashiers ?? []).map((e) => e.message.ko)).toEqual(messages);
  });
});

describe('settings form: the KICC codes confirmed to mean "nothing happened" (issue 9)', () => {
  it('shows the saved list, and sends it only when the list itself changed', () => {
    const withCodes = settings({ confirmedRefusalCodes: ['E101', 'E104'] });
    expect(draftOf(withCodes).confirmedRefusalCodes).toBe('E101, E104');
    const same = { ...draftOf(withCodes), confirmedRefusalCodes: ' E101,E104 ' };
    expect(settingsPatch(withCodes, same)).toEqual({});
    expect(blockingErrors(withCodes, same)).toEqual({});
    const more = { ...draftOf(withCodes), confirmedRefusalCodes: 'E101 E104 S001' };
    expect(settingsPatch(withCodes, more)).toEqual({
      confirmedRefusalCodes: ['E101', 'E104', 'S001'],
    });
    expect(settingsPatch(withCodes, { ...more, confirmedRefusalCodes: '' })).toEqual({
      confirmedRefusalCodes: [],
    });
  });

  it.each([
    ['0000', '0000은 정상 처리 코드라 넣을 수 없습니다'],
    ['S01', '4자리'],
    ['S001 S001', '두 번'],
  ])('%j is refused as typed: %s', (text, words) => {
    const errors = validateSettings(draft({ confirmedRefusalCodes: text }));
    expect(errors.confirmedRefusalCodes?.[0]?.message.ko).toContain(words);
    expect(
      blockingErrors(saved, draft({ confirmedRefusalCodes: text })).confirmedRefusalCodes,
    ).toHaveLength(1);
  });
});
