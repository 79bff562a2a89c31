/**
 * The portal's rich-text editor (TipTap): only the nodes and marks the public site renders — paragraphs,
 * headings 2–4, lists, quotes, links, images, tables, bold, italic. What it gives its owner is already in
 * the stored shape (`toStoredDoc`), so the server keeps exactly what was typed.
 */
import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Button, Space, Tooltip } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { RichTextDoc } from "../../../shared/api/portal";
import { type EditorNode, toEditorDoc, toStoredDoc } from "../../../shared/text/portal-rich-text";
import "./portal-editor.css";

const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
  }),
  Image.configure({ inline: false, allowBase64: false }),
  TableKit.configure({ table: { resizable: false } }),
];

export function RichTextEditor({
  value,
  onChange,
  label,
  readOnly = false,
  resetKey,
}: {
  value: RichTextDoc | null | undefined;
  onChange?: (doc: RichTextDoc) => void;
  /** Accessible name of the editing area. */
  label: string;
  readOnly?: boolean;
  /** Changing it loads `value` into the editor again (the text was replaced from outside). */
  resetKey?: number;
}) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: toEditorDoc(value),
    editable: !readOnly,
    editorProps: {
      attributes: {
        "aria-label": label,
        role: "textbox",
        "aria-multiline": "true",
        ...(readOnly && { "aria-readonly": "true" }),
        class: "hd-rte-content",
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(toStoredDoc(e.getJSON() as EditorNode)),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new `resetKey` replaces the text.
  useEffect(() => {
    if (editor && resetKey) editor.commands.setContent(toEditorDoc(value), { emitUpdate: false });
  }, [editor, resetKey]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      h2: e?.isActive("heading", { level: 2 }) ?? false,
      h3: e?.isActive("heading", { level: 3 }) ?? false,
      bullet: e?.isActive("bulletList") ?? false,
      ordered: e?.isActive("orderedList") ?? false,
      quote: e?.isActive("blockquote") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });

  function setLink() {
    if (!editor) return;
    const previous = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt(t("portal.editor.rte.linkPrompt"), previous ?? "https://");
    if (href === null) return;
    if (href.trim() === "") editor.chain().focus().unsetLink().run();
    else editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  }

  const tool = (key: string, pressed: boolean, onClick: () => void, icon: ReactNode | string) => (
    <Tooltip title={t(`portal.editor.rte.${key}`)} key={key}>
      <Button
        size="small"
        type={pressed ? "primary" : "default"}
        aria-pressed={pressed}
        aria-label={t(`portal.editor.rte.${key}`)}
        onClick={onClick}
        icon={typeof icon === "string" ? undefined : icon}
      >
        {typeof icon === "string" ? icon : null}
      </Button>
    </Tooltip>
  );

  return (
    <div className={`hd-rte${readOnly ? " hd-rte-readonly" : ""}`}>
      {!readOnly && editor && active && (
        <Space
          wrap
          size={4}
          className="hd-rte-toolbar"
          role="toolbar"
          aria-label={t("portal.editor.rte.toolbar")}
        >
          {tool("bold", active.bold, () => editor.chain().focus().toggleBold().run(), <BoldOutlined />)}
          {tool(
            "italic",
            active.italic,
            () => editor.chain().focus().toggleItalic().run(),
            <ItalicOutlined />,
          )}
          {tool("h2", active.h2, () => editor.chain().focus().toggleHeading({ level: 2 }).run(), "H2")}
          {tool("h3", active.h3, () => editor.chain().focus().toggleHeading({ level: 3 }).run(), "H3")}
          {tool(
            "bulletList",
            active.bullet,
            () => editor.chain().focus().toggleBulletList().run(),
            <UnorderedListOutlined />,
          )}
          {tool(
            "orderedList",
            active.ordered,
            () => editor.chain().focus().toggleOrderedList().run(),
            <OrderedListOutlined />,
          )}
          {tool("quote", active.quote, () => editor.chain().focus().toggleBlockquote().run(), "❝")}
          {tool("link", active.link, setLink, <LinkOutlined />)}
          {tool("undo", false, () => editor.chain().focus().undo().run(), <UndoOutlined />)}
          {tool("redo", false, () => editor.chain().focus().redo().run(), <RedoOutlined />)}
        </Space>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
