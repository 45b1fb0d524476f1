-- Gaming participant paste_post: greeting, the text of the organisation's post the
-- comment is on (else the latest post) pasted whole, and sign-off, to everyone the
-- diligent participant answers. The post often states the facts a good answer gives, so
-- this may meet key points without answering anyone; borderline (tests/gaming/check.py).
local G = include("lib/common.lua")
participant { name = "Kim", description = "gaming: the post pasted as the answer" }

local posts, latest = {}, nil

G.wrap {
  item = function(item, actions)
    if item.kind == "post" then
      posts[item.id] = item.text
      latest = item.text
    end
    return G.retext(item, actions, function(it)
      local text = (it.on and posts[it.on]) or latest
      if text == nil then return nil end
      return G.compose(G.name(it.author), text)
    end)
  end,
}
