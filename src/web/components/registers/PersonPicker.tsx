import { Select, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonDto } from "../../../shared/api/directory";
import { api } from "../../api/client";
import type { Page } from "../../api/types";

/** A person of the directory (`personId`) or an outside guest (a name only). */
export interface PersonValue {
  personId: string | null;
  name: string;
}

const GUEST = "guest:";
const keyOf = (v: PersonValue) => (v.personId ? v.personId : `${GUEST}${v.name}`);

/**
 * Picks a person: typing searches the directory (debounced, accent-insensitive on the server) and
 * offers the matches, and, first, the typed name itself as an outside guest. Leaving the field with a
 * name typed but nothing picked keeps that name as a guest rather than dropping it without a word. The
 * chosen value keeps the directory id, or none for a guest; a tag says which.
 */
export function PersonPicker({
  value,
  onChange,
  onPickPerson,
  id,
  placeholder,
  "aria-label": ariaLabel,
}: {
  value?: PersonValue | null;
  onChange?(value: PersonValue | null): void;
  /** Called with the directory person picked (e.g. to fill in the position). */
  onPickPerson?(person: PersonDto): void;
  id?: string;
  placeholder?: string;
  "aria-label"?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [people, setPeople] = useState<PersonDto[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setPeople([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<Page<PersonDto>>("/api/people", { q, pageSize: 20 }, controller.signal)
        .then((page) => setPeople(page.items.filter((p) => !p.mergedIntoId)))
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const options = useMemo(() => {
    const q = search.trim();
    const list: { value: string; label: string }[] = [];
    if (q) list.push({ value: `${GUEST}${q}`, label: t("registers.person.asGuest", { name: q }) });
    for (const p of people)
      list.push({ value: p.id, label: [p.fullName, p.position, p.unitName].filter(Boolean).join(" — ") });
    if (value && !list.some((o) => o.value === keyOf(value)))
      list.push({ value: keyOf(value), label: value.name });
    return list;
  }, [search, people, value, t]);

  const pick = (key: string | undefined) => {
    setSearch("");
    if (!key) return onChange?.(null);
    if (key.startsWith(GUEST)) return onChange?.({ personId: null, name: key.slice(GUEST.length) });
    const person = people.find((p) => p.id === key);
    if (!person) return;
    onChange?.({ personId: person.id, name: person.fullName });
    onPickPerson?.(person);
  };

  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      placeholder={placeholder ?? t("registers.person.placeholder")}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={loading}
      value={value ? keyOf(value) : undefined}
      onChange={pick}
      onBlur={() => {
        const typed = search.trim();
        if (typed && !(value && !value.personId && value.name === typed)) pick(`${GUEST}${typed}`);
      }}
      options={options}
      notFoundContent={loading ? t("common.loading") : t("registers.person.typeToSearch")}
      labelRender={() =>
        value ? (
          <span>
            {value.name}{" "}
            <Tag color={value.personId ? "blue" : "default"} className="hd-person-kind">
              {value.personId ? t("registers.person.fromDirectory") : t("registers.person.guest")}
            </Tag>
          </span>
        ) : null
      }
      style={{ minWidth: 260 }}
    />
  );
}
