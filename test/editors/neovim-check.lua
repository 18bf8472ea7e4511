-- Checks, from headless Neovim, what an editor configured with neovim-init.lua (the README's snippet) gets
-- from inspection-report-language-server: diagnostics, outline, hover, folding and a quick fix applied.
-- Usage: LSP_FILE=/abs/report.txt nvim --headless -u neovim-init.lua -i NONE -n -c 'luafile neovim-check.lua' </dev/null
-- (inspection-report-language-server on PATH). Prints one JSON object; exit 0 when it ran, 2 on error or timeout.
local T = tonumber(os.getenv('LSP_TIMEOUT_MS') or '10000')
local file = assert(os.getenv('LSP_FILE'), 'LSP_FILE not set')
local json_encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function finish(code, out)
  if out then io.stdout:write(json_encode(out), '\n') end
  io.stdout:flush()
  for _, c in pairs(get_clients()) do vim.lsp.stop_client(c.id) end
  vim.wait(2000, function() return #get_clients() == 0 end, 20)
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

vim.defer_fn(function() io.stderr:write('watchdog timeout\n'); finish(2) end, tonumber(os.getenv('LSP_WATCHDOG_MS') or '60000'))

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file)) -- the init's FileType autocommand starts and attaches the client
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local publishes = 0
  local on_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, c)
    if result and result.uri == uri then publishes = publishes + 1 end
    return on_publish(e, result, ctx, c)
  end
  local client_id
  assert(vim.wait(T, function()
    for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.name == 'inspection-report' and client.initialized ~= false then client_id = id end
    end
    return client_id ~= nil
  end, 20), 'the init did not attach the inspection-report client (filetype ' .. vim.bo[bufnr].filetype .. ')')
  assert(vim.wait(T, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), 'no diagnostics published')

  local function req(method, params)
    local resp, e = vim.lsp.buf_request_sync(bufnr, method, params, T)
    if not resp then return nil, tostring(e) end
    local r = resp[client_id]
    if not r then return nil, 'no response' end
    if r.err or r.error then return nil, vim.inspect(r.err or r.error) end
    return r.result
  end
  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(out, { line = d.lnum + 1, col = d.col + 1, code = code_of(d), severity = d.severity, message = d.message })
    end
    table.sort(out, function(a, b) return a.line < b.line end)
    return out
  end

  local out = { nvim = vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch, errors = {} }
  out.diagnostics = diagnostics()
  local td = { uri = uri }
  local e
  local symbols
  symbols, e = req('textDocument/documentSymbol', { textDocument = td }); out.errors.symbols = e
  out.symbols = {}
  for _, s in ipairs(symbols or {}) do
    local children = {}
    for _, c in ipairs(s.children or {}) do table.insert(children, { name = c.name, detail = c.detail }) end
    table.insert(out.symbols, { name = s.name, children = children })
  end
  local hover_line = tonumber(os.getenv('HOVER_LINE') or '90')
  local hover_char = tonumber(os.getenv('HOVER_CHAR') or '3')
  local hover
  hover, e = req('textDocument/hover', { textDocument = td, position = { line = hover_line, character = hover_char } }); out.errors.hover = e
  out.hover = hover and hover.contents and (hover.contents.value or hover.contents) or nil
  local folding
  folding, e = req('textDocument/foldingRange', { textDocument = td }); out.errors.folding = e
  out.folding = {}
  for _, f in ipairs(folding or {}) do table.insert(out.folding, { f.startLine + 1, f.endLine + 1 }) end

  -- the quick fix: ask for actions on the first diagnostic of the wanted rule, apply the preferred one
  local wanted = os.getenv('FIX_CODE') or 'grade-label-mismatch'
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do if code_of(d) == wanted then target = d end end
  assert(target, 'no ' .. wanted .. ' diagnostic to fix')
  -- rebuild the LSP diagnostic: 0.7 keeps only some of its fields in user_data
  local lsp_diag = {
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    message = target.message, code = code_of(target), severity = target.severity, source = target.source,
  }
  local actions
  actions, e = req('textDocument/codeAction', { textDocument = td, range = lsp_diag.range, context = { diagnostics = { lsp_diag } } })
  out.errors.code_actions = e
  out.code_actions = {}
  local chosen
  for _, a in ipairs(actions or {}) do
    table.insert(out.code_actions, { title = a.title, preferred = a.isPreferred or false })
    if a.isPreferred and a.edit and not chosen then chosen = a end
  end
  assert(chosen, 'no preferred quick fix among ' .. vim.inspect(actions) .. ' (' .. tostring(e) .. ')')
  local before = publishes
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  out.fixed_line = vim.api.nvim_buf_get_lines(bufnr, lsp_diag.range.start.line, lsp_diag.range.start.line + 1, false)[1]
  assert(vim.wait(T, function() return publishes > before end, 20), 'no diagnostics after the fix')
  out.diagnostics_after_fix = diagnostics()

  -- a second report in the same folder is served by the same server
  local second = os.getenv('LSP_FILE2')
  if second then
    vim.cmd('edit ' .. vim.fn.fnameescape(second))
    local bufnr2 = vim.api.nvim_get_current_buf()
    assert(vim.wait(T, function() return next(vim.lsp.buf_get_clients(bufnr2)) ~= nil end, 20), 'the second file got no client')
    out.clients = 0
    for _, c in pairs(get_clients()) do if c.name == 'inspection-report' then out.clients = out.clients + 1 end end
  end
  finish(0, out)
end)
if not ok then
  io.stderr:write('error: ' .. tostring(err) .. '\n')
  finish(2)
end
