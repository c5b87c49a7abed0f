// The ChatApp chat hub (SignalR at /hubs/chat), JSON protocol. GENERATED from the C# types: do not edit.
// Regenerate: UPDATE_CONTRACTS=1 dotnet test tests/ChatApp.UnitTests --filter FullyQualifiedName~HubContractTests
// (generator: tests/ChatApp.UnitTests/Contracts/TypeScriptHubContract.cs; prose: docs/api.md, "Realtime").
// Guids and times are strings (times ISO 8601 UTC); with the MessagePack protocol members are PascalCase.
//
// A refused call rejects with an Error whose message holds the code after "HubException: " (SignalR's own
// prefix comes first), e.g. "An unexpected error occurred invoking 'SendMessage' on the server.
// HubException: chat.room_not_found: No such room." Read the code with:
//   /HubException: ([a-z_]+(?:\.[a-z_]+)*): (.*)$/
// A call SignalR cannot dispatch (unknown method, wrong argument types) fails with no code: a client bug.

export interface AttachmentResponse {
  mediaId: string;
  width: number;
  height: number;
  variants: MediaVariantInfo[];
  urlsExpireAt: string | null;
}

export interface MediaVariantInfo {
  name: string;
  url: string;
  width: number;
  height: number;
  contentType: string;
  bytes: number;
}

export interface MembershipChangedEvent {
  roomId: string;
  seq: number;
  kind: "member.joined" | "member.left";
  userId: string;
  byUserId: string | null;
}

export interface MessageResponse {
  id: string;
  roomId: string;
  seq: number;
  senderId: string;
  clientMessageId: string;
  text: string;
  replyToId: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  attachments: AttachmentResponse[];
}

export interface MessageUpdatedEvent {
  roomId: string;
  seq: number;
  kind: "message.edited" | "message.deleted";
  message: MessageResponse;
}

export interface ModerationNoticeEvent {
  noticeId: string;
  kind: "warning" | "suspension" | "ban" | "lift" | "message_removed" | "report_outcome";
}

export interface PresenceChangedEvent {
  userId: string;
  online: boolean;
  lastSeenAt: string | null;
}

export interface ReactionChangedEvent {
  roomId: string;
  seq: number;
  kind: "reaction.added" | "reaction.removed";
  messageId: string;
  userId: string;
  emoji: string;
}

export interface ReadPositionChangedEvent {
  roomId: string;
  userId: string;
  readSeq: number;
}

export interface ReadStateResponse {
  roomId: string;
  readSeq: number;
  unreadCount: number;
}

export interface RoomChangedEvent {
  roomId: string;
  seq: number;
  kind: "member.role_changed" | "room.renamed" | "room.topic_changed" | "room.picture_changed";
  userId: string;
  role: "owner" | "admin" | "member" | null;
}

export interface RoomCreatedEvent {
  roomId: string;
  seq: number;
}

export interface TypingEvent {
  roomId: string;
  userId: string;
}

/** Server-to-client events: name → payload (the handler's single argument). */
export interface ChatHubEvents {
  MembershipChanged: MembershipChangedEvent;
  MessageUpdated: MessageUpdatedEvent;
  MessagesCreated: MessageResponse[];
  ModerationNotice: ModerationNoticeEvent;
  PresenceChanged: PresenceChangedEvent;
  ReactionChanged: ReactionChangedEvent;
  ReadPositionChanged: ReadPositionChangedEvent;
  RoomChanged: RoomChangedEvent;
  RoomCreated: RoomCreatedEvent;
  Typing: TypingEvent;
}

/** Client-to-server methods: name → positional arguments and the result the invocation resolves to. */
export interface ChatHubMethods {
  MarkRead: { args: [roomId: string, seq: number]; result: ReadStateResponse };
  SendMessage: { args: [roomId: string, clientMessageId: string, text: string, replyTo: string | null]; result: MessageResponse };
  SendMessageWithAttachments: { args: [roomId: string, clientMessageId: string, text: string | null, replyTo: string | null, attachments: string[]]; result: MessageResponse };
  Typing: { args: [roomId: string]; result: void };
}

/** Codes a refused call can carry; accept unknown ones too (the pipeline may add others). */
export type ChatHubErrorCode =
  | "chat.blocked"
  | "chat.client_message_id_reused"
  | "chat.invalid_attachment"
  | "chat.overloaded"
  | "chat.partner_deleted"
  | "chat.rate_limited"
  | "chat.room_not_found"
  | "chat.server_restarting"
  | "internal_error"
  | "validation_failed"
  | (string & {});
