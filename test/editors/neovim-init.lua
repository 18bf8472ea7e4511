-- Neovim: check inspection reports in text and Markdown files (Neovim 0.7 and later)
local inspection_clients = {} -- Neovim 0.7: one server per folder, shared by its files
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'text', 'markdown' },
  callback = function(args)
    local config = {
      name = 'inspection-report',
      cmd = { 'inspection-report-language-server', '--stdio' },
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else -- Neovim 0.7
      local id = inspection_clients[config.root_dir]
      local running = id and vim.lsp.get_client_by_id(id)
      if not running or running.is_stopped() then
        id = vim.lsp.start_client(config)
        inspection_clients[config.root_dir] = id
      end
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end
  end,
})
