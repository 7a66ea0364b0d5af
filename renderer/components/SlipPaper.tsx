import type { SlipView } from '../../shared/contract/manager-models';

/**
 * Main's slip lines (shared/slip SlipLine) laid out like the 80 mm paper: title, fields as
 * label/value rows, warnings boxed, rules as dashed lines. `data-kind` tells the styles (and a
 * reader of the DOM) which slip this is: a `verifying` slip must never look like a refund.
 */
export function SlipPaper({ view, titleId }: { view: SlipView; titleId: string }) {
  let titled = false;
  return (
    <article className="slip" data-kind={view.kind} lang={view.lang} aria-labelledby={titleId}>
      {view.lines.map((line, index) => {
        const key = `${index}-${line.kind}`;
        switch (line.kind) {
          case 'title': {
            const first = !titled;
            titled = true;
            return (
              <h2 key={key} id={first ? titleId : undefined} className="slip-title">
                {line.text}
              </h2>
            );
          }
          case 'text':
            return (
              <p key={key} className={line.align === 'center' ? 'slip-text center' : 'slip-text'}>
                {line.text}
              </p>
            );
          case 'field':
            return (
              <div key={key} className={line.strong ? 'slip-field strong' : 'slip-field'}>
                <span className="slip-label">{line.label}</span>
                <span className="slip-value">{line.value}</span>
              </div>
            );
          case 'warning':
            return (
              <p key={key} className="slip-warning">
                <span aria-hidden="true">⚠ </span>
                {line.text}
              </p>
            );
          case 'rule':
            return <hr key={key} className="slip-rule" />;
          case 'blank':
            return <div key={key} className="slip-blank" aria-hidden="true" />;
        }
      })}
    </article>
  );
}
