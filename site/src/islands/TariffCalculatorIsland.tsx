import '../lib/zod-csp';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { calculateCost, formatRubles, parseKwhInput, type CostResult } from '@portal/core/tariff-calculator';
import {
  SCHEME_ZONES,
  TARIFF_GROUP_LABELS,
  TARIFF_GROUPS,
  ZONE_LABELS,
  ZONE_SCHEME_LABELS,
  ZONE_SCHEMES,
  type TariffGroup,
  type TariffPeriod,
  type Zone,
  type ZoneScheme,
} from '@portal/core/tariffs';

export interface TariffCalculatorIslandProps {
  /** The period whose published prices the calculator uses. */
  period: TariffPeriod;
}

/**
 * Monthly cost calculator: group, zone scheme and kWh per zone → cost to the kopeck, with the same
 * arithmetic as the bill (core/src/tariff-calculator.ts). Rendered only in the browser: without JavaScript
 * the page shows the price tables, and a form that cannot work is never shown.
 */
export function TariffCalculatorIsland({ period }: TariffCalculatorIslandProps) {
  const id = useId();
  const [ready, setReady] = useState(false);
  const [group, setGroup] = useState<TariffGroup>('urban');
  const [scheme, setScheme] = useState<ZoneScheme>('single');
  const [inputs, setInputs] = useState<Partial<Record<Zone, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<Zone, string>>>({});
  const [result, setResult] = useState<CostResult | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  if (!ready) return <p className="meta">Калькулятор стоимости работает при включённом JavaScript. Цены для расчёта вручную приведены в таблицах выше.</p>;

  const zones = SCHEME_ZONES[scheme];
  const fieldId = (zone: Zone) => `${id}-kwh-${zone}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Zone, string>> = {};
    const kwh: Partial<Record<Zone, number>> = {};
    for (const zone of zones) {
      const parsed = parseKwhInput(inputs[zone] ?? '');
      if (parsed.ok) kwh[zone] = parsed.value;
      else found[zone] = parsed.message;
    }
    setErrors(found);
    setResult(Object.keys(found).length > 0 ? null : calculateCost(period, { group, scheme, kwh }));
  };

  return (
    <form className="calculator" onSubmit={submit} noValidate>
      {Object.keys(errors).length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>Пожалуйста, проверьте расход</h3>
          <ul>
            {zones.filter((zone) => errors[zone]).map((zone) => (
              <li key={zone}><a href={`#${fieldId(zone)}`}>{ZONE_LABELS[zone]}: {errors[zone]}</a></li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label className="label" htmlFor={`${id}-group`}>Группа потребителей</label>
        <select id={`${id}-group`} className="select" value={group} onChange={(event) => { setGroup(event.target.value as TariffGroup); setResult(null); }}>
          {TARIFF_GROUPS.map((value) => <option key={value} value={value}>{TARIFF_GROUP_LABELS[value]}</option>)}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend className="label">Вид тарифа</legend>
        <div className="radios">
          {ZONE_SCHEMES.map((value) => (
            <label className="radio" key={value}>
              <input type="radio" name={`${id}-scheme`} value={value} checked={scheme === value} onChange={() => { setScheme(value); setErrors({}); setResult(null); }} />
              <span>{ZONE_SCHEME_LABELS[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="label">Расход за месяц, кВт·ч</legend>
        {zones.map((zone) => (
          <div className={`field${errors[zone] ? ' field--error' : ''}`} key={zone}>
            <label className="label" htmlFor={fieldId(zone)}>{ZONE_LABELS[zone]}</label>
            {errors[zone] && <span className="error-message" id={`${fieldId(zone)}-error`}>{errors[zone]}</span>}
            <input
              id={fieldId(zone)}
              className="input input--short"
              inputMode="numeric"
              autoComplete="off"
              value={inputs[zone] ?? ''}
              aria-invalid={errors[zone] ? true : undefined}
              aria-describedby={errors[zone] ? `${fieldId(zone)}-error` : undefined}
              onChange={(event) => setInputs({ ...inputs, [zone]: event.target.value })}
            />
          </div>
        ))}
      </fieldset>
      <button className="button" type="submit">Рассчитать</button>
      <div aria-live="polite" className="calculator__result">
        {result && (
          <table className="data-table">
            <caption>Стоимость за месяц: {TARIFF_GROUP_LABELS[group].toLowerCase()}, {ZONE_SCHEME_LABELS[scheme].toLowerCase()}</caption>
            <thead>
              <tr><th scope="col">Зона суток</th><th scope="col">Расход, кВт·ч</th><th scope="col">Цена, ₽/кВт·ч</th><th scope="col">Стоимость</th></tr>
            </thead>
            <tbody>
              {result.lines.map((line) => (
                <tr key={line.zone}>
                  <th scope="row">{ZONE_LABELS[line.zone]}</th>
                  <td>{line.kwh}</td>
                  <td>{formatRubles(line.priceKopecks)}</td>
                  <td>{formatRubles(line.costKopecks)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th scope="row" colSpan={3}>Итого</th><td><output className="calculator__total">{formatRubles(result.totalKopecks)}</output></td></tr>
            </tfoot>
          </table>
        )}
      </div>
    </form>
  );
}
