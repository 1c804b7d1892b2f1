// aligner review: draws the rows the server sends and sends back the reviewer's edits.
// Every change is made on the server (which re-runs the checks); the page only shows the
// state it receives, so what is saved is always what was shown.
"use strict";

(() => {
  const token = document.querySelector('meta[name="review-token"]').content;
  const body = document.querySelector("#rows tbody");
  const status = document.getElementById("status");
  const toolbar = document.getElementById("toolbar");
  let docs = null;
  let state = null;
  let busy = false;
  let pollTimer = null;
  // The selection: a row, and optionally one of its sentences.
  const cursor = { row: 0, side: null, sentence: null };
  // A finding whose note field is open, by id, and the note typed so far: the rows are
  // redrawn whenever the server's state changes, and the note must survive that.
  let accepting = null;
  let draft = "";

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function request(path, payload) {
    const options = { headers: { "X-Review-Token": token }, cache: "no-store" };
    if (payload !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(payload);
    }
    const response = await fetch(path, options);
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function say(text, kind) {
    status.textContent = text;
    status.className = kind || "";
  }

  // --- drawing ------------------------------------------------------------------------------

  function sentenceNode(side, id) {
    const node = element("span", "sentence");
    node.dataset.side = side;
    node.dataset.id = String(id);
    node.append(element("span", "sid", String(id)), docs[side].sentences[id]);
    if (side === "en") node.append(" ");
    return node;
  }

  function sideCell(row, side) {
    const cell = element("td", side);
    if (side === "zh") cell.lang = "zh-CN";
    const ids = row[side];
    if (ids.length === 0) {
      const other = side === "zh" ? "addition: no Chinese" : "omission: no English";
      cell.append(element("span", "empty", "— " + other + " —"));
    }
    for (const id of ids) cell.append(sentenceNode(side, id));
    return cell;
  }

  function findingNode(finding) {
    const item = element("li", finding.accepted ? "accepted" : finding.severity);
    item.dataset.finding = finding.id;
    item.append(
      element("span", "sev", finding.accepted ? "accepted" : finding.severity),
      element("span", "check", finding.check),
      finding.message,
      element("span", "fid", finding.id),
    );
    const actions = element("span", "finding-actions");
    if (finding.accepted) {
      if (finding.note) item.append(element("span", "note", "Note: " + finding.note));
      const reopen = element("button", "reopen", "Reopen");
      reopen.type = "button";
      reopen.addEventListener("click", () => act("/api/reopen", { id: finding.id }));
      actions.append(reopen);
    } else if (accepting === finding.id) {
      item.append(acceptForm(finding));
    } else {
      const accept = element("button", "accept", "Accept…");
      accept.type = "button";
      accept.addEventListener("click", () => openAccept(finding.id));
      actions.append(accept);
    }
    item.insertBefore(actions, item.querySelector(".fid").nextSibling);
    return item;
  }

  function acceptForm(finding) {
    const form = element("div", "accept-form");
    const input = element("input");
    input.type = "text";
    input.placeholder = "Why is this acceptable? (a note kept with the decision)";
    input.setAttribute("aria-label", "Note for accepting " + finding.id);
    input.value = draft;
    input.addEventListener("input", () => {
      draft = input.value;
    });
    const ok = element("button", "primary", "Accept");
    ok.type = "button";
    const cancel = element("button", "", "Cancel");
    cancel.type = "button";
    const submit = () => act("/api/accept", { id: finding.id, note: input.value });
    ok.addEventListener("click", submit);
    cancel.addEventListener("click", closeAccept);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        submit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        closeAccept();
      }
    });
    form.append(input, ok, cancel);
    return form;
  }

  function rowNode(row, index) {
    const tr = element("tr");
    tr.dataset.row = String(index);
    if (row.doubtful) tr.classList.add("doubtful");
    const num = element("td", "num");
    num.append(element("span", "n", String(index + 1)));
    if (row.doubtful) num.append(element("span", "mark", "check"));
    const en = sideCell(row, "en");
    if (row.findings.length) {
      const list = element("ul", "findings");
      for (const finding of row.findings) list.append(findingNode(finding));
      en.append(list);
    }
    const conf = element("td", "conf");
    const low = row.confidence < state.low_confidence;
    if (low) conf.classList.add("low");
    conf.append(element("span", "value", row.confidence.toFixed(2)));
    if (low) conf.append(element("span", "flag", "low"));
    const bar = element("div", "bar");
    const fill = element("div", "fill");
    fill.style.width = Math.round(row.confidence * 100) + "%";
    bar.append(fill);
    conf.append(bar);
    tr.append(num, sideCell(row, "zh"), en, conf);
    return tr;
  }

  function drawHeader() {
    const files = document.getElementById("files");
    files.textContent = docs.zh.name + "  ↔  " + docs.en.name;
    const counts = document.getElementById("counts");
    counts.replaceChildren();
    const c = state.counts;
    const parts = [
      ["error", c.errors, "error"],
      ["warning", c.warnings, "warning"],
      ["info", c.infos, "info"],
      ["accepted", c.accepted, "accepted"],
    ];
    for (const [kind, n, word] of parts) {
      const label = kind === "accepted" ? n + " accepted" : n + " " + word + (n === 1 ? "" : "s");
      counts.append(element("span", "count " + kind, label));
    }
    if (state.checking) counts.append(element("span", "count checking", "checking the whole document…"));
    const saved = document.getElementById("savestate");
    if (state.dirty) {
      saved.textContent = "Unsaved changes · Save writes " + state.save_path;
      saved.className = "dirty";
    } else if (state.saved) {
      saved.textContent = "Saved to " + state.save_path;
      saved.className = "saved";
    } else {
      saved.textContent = "Save writes " + state.save_path;
      saved.className = "";
    }
    for (const button of document.querySelectorAll("#toolbar button")) {
      const action = button.dataset.action;
      if (action === "undo") button.disabled = !state.can_undo;
      else if (action === "redo") button.disabled = !state.can_redo;
    }
  }

  function draw() {
    drawHeader();
    const fragment = document.createDocumentFragment();
    state.rows.forEach((row, index) => fragment.append(rowNode(row, index)));
    body.replaceChildren(fragment);
    const section = document.getElementById("document-findings");
    const list = section.querySelector("ul");
    list.replaceChildren(...state.document_findings.map(findingNode));
    section.hidden = state.document_findings.length === 0;
    if (state.changed) {
      const [first, count] = state.changed;
      for (let i = first; i < first + count; i++) {
        const tr = body.children[i];
        if (tr) tr.classList.add("changed");
      }
    }
    showCursor(false);
    const field = body.querySelector(".accept-form input");
    if (field) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }

  function showCursor(scroll) {
    cursor.row = Math.max(0, Math.min(cursor.row, state.rows.length - 1));
    for (const node of body.querySelectorAll(".selected")) node.classList.remove("selected");
    const tr = body.children[cursor.row];
    if (!tr) return;
    tr.classList.add("selected");
    if (cursor.side !== null) {
      const node = tr.querySelector(
        '.sentence[data-side="' + cursor.side + '"][data-id="' + cursor.sentence + '"]',
      );
      if (node) node.classList.add("selected");
      else {
        cursor.side = null;
        cursor.sentence = null;
      }
    }
    if (scroll) tr.scrollIntoView({ block: "nearest" });
  }

  // --- state from the server ------------------------------------------------------------------

  function follow() {
    // Keep the selected sentence selected wherever the edit put it.
    if (cursor.side !== null) {
      const index = state.rows.findIndex((row) => row[cursor.side].includes(cursor.sentence));
      if (index >= 0) {
        cursor.row = index;
        return;
      }
    }
    if (state.changed) cursor.row = state.changed[0];
  }

  // Answers can cross: a refresh asked for before an edit may arrive after it.
  function stale(data) {
    return state !== null && data.version < state.version;
  }

  function receive(data) {
    if (stale(data)) return;
    state = data;
    follow();
    draw();
    showCursor(true);
    clearTimeout(pollTimer);
    if (state.checking) pollTimer = setTimeout(poll, 300);
  }

  async function poll() {
    try {
      const data = await request("/api/state");
      if (stale(data)) return;
      data.changed = null;
      state = data;
      draw();
      if (state.checking) pollTimer = setTimeout(poll, 300);
    } catch (error) {
      say("Lost contact with the review server: " + error.message, "error");
    }
  }

  async function act(path, payload) {
    if (busy) return;
    busy = true;
    try {
      const data = await request(path, payload || {});
      accepting = null;
      receive(data);
      if (data.saved_to) say("Saved to " + data.saved_to, "ok");
      else say("");
    } catch (error) {
      say(error.message, "error");
    } finally {
      busy = false;
    }
  }

  // --- actions --------------------------------------------------------------------------------

  function needSentence() {
    if (cursor.side === null) {
      say("Select a sentence first (click it, or use ← →).", "error");
      return false;
    }
    return true;
  }

  const actions = {
    merge: () => act("/api/edit", { op: "merge", row: cursor.row }),
    split: () =>
      needSentence() &&
      act("/api/edit", { op: "split", row: cursor.row, side: cursor.side, sentence: cursor.sentence }),
    up: () =>
      needSentence() &&
      act("/api/edit", { op: "move", side: cursor.side, sentence: cursor.sentence, step: -1 }),
    down: () =>
      needSentence() &&
      act("/api/edit", { op: "move", side: cursor.side, sentence: cursor.sentence, step: 1 }),
    detach: () =>
      needSentence() && act("/api/edit", { op: "detach", side: cursor.side, sentence: cursor.sentence }),
    confirm: () => act("/api/edit", { op: "confirm", row: cursor.row }),
    undo: () => act("/api/undo"),
    redo: () => act("/api/redo"),
    save: () => act("/api/save"),
    next: () => jump(1),
    previous: () => jump(-1),
    accept: () => {
      const open = state.rows[cursor.row].findings.find((f) => !f.accepted);
      if (open) openAccept(open.id);
      else say("This row has no open finding to accept.", "error");
    },
  };

  function jump(step) {
    const total = state.rows.length;
    for (let k = 1; k <= total; k++) {
      const index = (cursor.row + step * k + total * k) % total;
      if (state.rows[index].doubtful) {
        select(index, null, null);
        say("");
        return;
      }
    }
    say("No doubtful rows left: every row is confident, and every error and warning is accepted or fixed.", "ok");
  }

  function openAccept(id) {
    accepting = id;
    draft = "";
    draw();
  }

  function closeAccept() {
    accepting = null;
    draw();
  }

  function select(row, side, sentence) {
    cursor.row = row;
    cursor.side = side;
    cursor.sentence = sentence;
    showCursor(true);
  }

  function sentencesOf(index) {
    const row = state.rows[index];
    return [...row.zh.map((id) => ["zh", id]), ...row.en.map((id) => ["en", id])];
  }

  function stepSentence(step) {
    const list = sentencesOf(cursor.row);
    if (!list.length) return;
    let at = list.findIndex(([side, id]) => side === cursor.side && id === cursor.sentence);
    at = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + step));
    select(cursor.row, list[at][0], list[at][1]);
  }

  function stepRow(step) {
    const row = Math.max(0, Math.min(state.rows.length - 1, cursor.row + step));
    select(row, null, null);
  }

  // --- input ----------------------------------------------------------------------------------

  body.addEventListener("click", (event) => {
    if (event.target.closest("button, input")) return;
    const tr = event.target.closest("tr");
    if (!tr) return;
    const sentence = event.target.closest(".sentence");
    if (sentence) select(Number(tr.dataset.row), sentence.dataset.side, Number(sentence.dataset.id));
    else select(Number(tr.dataset.row), null, null);
  });

  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  document.addEventListener("keydown", (event) => {
    if (!state || event.target.closest("input, textarea")) return;
    const key = event.key;
    const ctrl = event.ctrlKey || event.metaKey;
    let handled = true;
    if (ctrl && (key === "z" || key === "Z")) (event.shiftKey ? actions.redo : actions.undo)();
    else if (ctrl && (key === "y" || key === "Y")) actions.redo();
    else if (ctrl && (key === "s" || key === "S")) actions.save();
    else if (ctrl) handled = false;
    else if (event.altKey && key === "ArrowUp") actions.up();
    else if (event.altKey && key === "ArrowDown") actions.down();
    else if (event.altKey) handled = false;
    else if (key === "ArrowDown" || key === "j") stepRow(1);
    else if (key === "ArrowUp" || key === "k") stepRow(-1);
    else if (key === "ArrowRight" || key === "l") stepSentence(1);
    else if (key === "ArrowLeft" || key === "h") stepSentence(-1);
    else if (key === "m") actions.merge();
    else if (key === "s") actions.split();
    else if (key === "o") actions.detach();
    else if (key === "c") actions.confirm();
    else if (key === "n") actions.next();
    else if (key === "N") actions.previous();
    else if (key === "a") actions.accept();
    else if (key === "?") {
      const keys = document.getElementById("keys");
      keys.open = !keys.open;
    } else if (key === "Escape") select(cursor.row, null, null);
    else handled = false;
    if (handled) event.preventDefault();
  });

  // The table's header sticks below the toolbar, whose height depends on the window width.
  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--toolbar-height", toolbar.offsetHeight + "px");
  }).observe(toolbar);

  window.addEventListener("beforeunload", (event) => {
    if (state && state.dirty) event.preventDefault();
  });

  async function start() {
    try {
      docs = await request("/api/documents");
      state = await request("/api/state");
      document.title = "Review · " + docs.en.name;
      draw();
      if (state.checking) pollTimer = setTimeout(poll, 300);
    } catch (error) {
      say("Could not load the review: " + error.message, "error");
    }
  }

  start();
})();
