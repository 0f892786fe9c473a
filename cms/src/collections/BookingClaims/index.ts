import type { CollectionConfig } from 'payload';
import { isAdmin, isNobody } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';

/**
 * The cells a booking holds: one row per desk and 5-minute cell of its visit. `cell` is unique
 * (`<office>|<desk>|<YYYY-MM-DDTHH:MM>`), so the database itself refuses a second claim of the same desk at the
 * same time, from any process or instance: no slot is ever booked twice. Written only by cms/src/booking through
 * the store (one batch per booking); cancelling deletes the booking's rows.
 */
export const BookingClaims: CollectionConfig = {
  slug: COLLECTIONS.bookingClaims,
  labels: { singular: 'Занятое время', plural: 'Занятое время записей' },
  admin: { hidden: true },
  custom: { accessProfile: 'internal' },
  access: { read: isAdmin, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'cell', type: 'text', required: true, unique: true, index: true },
    // The booking's code: cancelling or moving deletes its claims by it.
    { name: 'booking', type: 'text', required: true, index: true },
    // Which placement of the booking took it (`<code>@<start>`): a move claims the new cells first, then frees the rest.
    { name: 'holder', type: 'text', required: true },
    { name: 'office', type: 'text', required: true },
    { name: 'date', type: 'text', required: true, index: true },
    { name: 'desk', type: 'number', required: true },
    { name: 'time', type: 'text', required: true },
  ],
};
