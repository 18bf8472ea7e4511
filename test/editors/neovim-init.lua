-- Neovim: check inspection reports in text and Markdown files (Neovim 0.7 and later)
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
      local client = vim.lsp.start_client(config)
      if client then vim.lsp.buf_attach_client(args.buf, client) end
    end
  end,
})
