import { useT } from '../../i18n/useT';

/**
 * The columns an import file needs, matched by header name in any order (docs/manager.md
 * "Expected headers" has the full list of names accepted). A few names per field here; the
 * manager exports from the back office and usually has one of them already.
 */
const HEADERS: [string, string, string][] = [
  ['승인일자', 'Approval Date', 'import.need.required'],
  ['승인번호', 'Approval No', 'import.need.required'],
  ['거래금액', 'Amount', 'import.need.required'],
  ['부가세', 'VAT', 'import.need.required'],
  ['VAN거래번호 / 가맹점거래번호', 'VAN Trx No / Merchant Trx No', 'import.need.oneOf'],
  ['봉사료', 'Service Charge', 'import.need.optional'],
  ['할부', 'Installment', 'import.need.optional'],
  ['카드번호', 'Card No', 'import.need.optional'],
  ['카드사', 'Issuer', 'import.need.optional'],
];

export function ExpectedHeaders() {
  const t = useT();
  return (
    <details className="expected-headers">
      <summary>{t('import.headersTitle')}</summary>
      <p className="field-help">{t('import.headersHelp')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('import.headerKo')}</th>
            <th scope="col">{t('import.headerEn')}</th>
            <th scope="col">{t('import.needed')}</th>
          </tr>
        </thead>
        <tbody>
          {HEADERS.map(([ko, en, need]) => (
            <tr key={ko}>
              <td>{ko}</td>
              <td>{en}</td>
              <td>{t(need as 'import.need.required')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
