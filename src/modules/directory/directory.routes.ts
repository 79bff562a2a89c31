/** Directory routes: units, people, committees. Parse → service → presenter. */
import { PageSchema, pageOf } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import type { CommitteesService } from "./committees.service.js";
import { presentCommittee, presentMember, presentPerson, presentUnit } from "./directory.presenter.js";
import {
  CommitteeList,
  CommitteeSchema,
  CreateCommitteeBody,
  CreateMemberBody,
  CreatePersonBody,
  CreateUnitBody,
  IdParams,
  MemberList,
  MemberQuery,
  MemberSchema,
  MergeBody,
  PersonDetailSchema,
  PersonQuery,
  PersonSchema,
  UnitDetailSchema,
  UnitQuery,
  UnitSchema,
  UpdateMemberBody,
  UpdatePersonBody,
  UpdateUnitBody,
} from "./directory.schemas.js";
import type { PeopleService } from "./people.service.js";
import type { UnitsService } from "./units.service.js";

const read = { policy: "directory.read" } as const;
const write = { policy: "directory.write" } as const;
const tags = ["directory"];

export function registerDirectoryRoutes(
  app: App,
  deps: { units: UnitsService; people: PeopleService; committees: CommitteesService },
) {
  const { units, people, committees } = deps;

  app.get(
    "/api/units",
    {
      config: read,
      schema: {
        operationId: "listUnits",
        tags,
        summary: "Danh sách đơn vị / List units",
        querystring: UnitQuery,
        response: { 200: PageSchema(UnitSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await units.list(request.ctx, request.query);
      return pageOf(rows.map(presentUnit), total, request.query);
    },
  );

  app.post(
    "/api/units",
    {
      config: write,
      schema: {
        operationId: "createUnit",
        tags,
        summary: "Thêm đơn vị / Create unit",
        body: CreateUnitBody,
        response: { 201: UnitSchema },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(presentUnit(await units.create(request.ctx, request.body)));
    },
  );

  app.get(
    "/api/units/:id",
    {
      config: read,
      schema: {
        operationId: "getUnit",
        tags,
        summary: "Chi tiết đơn vị / Unit",
        params: IdParams,
        response: { 200: UnitDetailSchema },
      },
    },
    async (request) => {
      const { unit, nameHistory } = await units.get(request.ctx, request.params.id);
      return {
        ...presentUnit(unit),
        nameHistory: nameHistory.map((h) => ({
          name: h.name,
          shortName: h.short_name,
          changedAt: h.changed_at,
          changedBy: h.changed_by,
          changedByName: h.changed_by_name,
        })),
      };
    },
  );

  app.patch(
    "/api/units/:id",
    {
      config: write,
      schema: {
        operationId: "updateUnit",
        tags,
        summary: "Sửa đơn vị / Update unit",
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitSchema },
      },
    },
    async (request) => {
      return presentUnit(await units.update(request.ctx, request.params.id, request.body));
    },
  );

  app.get(
    "/api/people",
    {
      config: read,
      schema: {
        operationId: "listPeople",
        tags,
        summary: "Danh sách cán bộ / List people",
        querystring: PersonQuery,
        response: { 200: PageSchema(PersonSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await people.list(request.ctx, request.query);
      return pageOf(rows.map(presentPerson), total, request.query);
    },
  );

  app.post(
    "/api/people",
    {
      config: write,
      schema: {
        operationId: "createPerson",
        tags,
        summary: "Thêm cán bộ / Create person",
        body: CreatePersonBody,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(presentPerson(await people.create(request.ctx, request.body)));
    },
  );

  app.get(
    "/api/people/:id",
    {
      config: read,
      schema: {
        operationId: "getPerson",
        tags,
        summary: "Chi tiết cán bộ / Person",
        params: IdParams,
        response: { 200: PersonDetailSchema },
      },
    },
    async (request) => {
      const { person, nameHistory } = await people.get(request.ctx, request.params.id);
      return {
        ...presentPerson(person),
        nameHistory: nameHistory.map((h) => ({
          name: h.full_name,
          changedAt: h.changed_at,
          changedBy: h.changed_by,
          changedByName: h.changed_by_name,
        })),
      };
    },
  );

  app.patch(
    "/api/people/:id",
    {
      config: { policy: "directory.person.update" },
      schema: {
        operationId: "updatePerson",
        tags,
        summary: "Sửa cán bộ / Update person",
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => {
      return presentPerson(await people.update(request.ctx, request.params.id, request.body));
    },
  );

  app.post(
    "/api/people/:id/merge",
    {
      config: { policy: "directory.merge" },
      schema: {
        operationId: "mergePerson",
        tags,
        summary: "Gộp hồ sơ trùng / Merge a duplicate into this person",
        params: IdParams,
        body: MergeBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => {
      return presentPerson(await people.merge(request.ctx, request.params.id, request.body.duplicateId));
    },
  );

  app.get(
    "/api/committees",
    {
      config: read,
      schema: {
        operationId: "listCommittees",
        tags,
        summary: "Ban Chỉ đạo / Committees",
        response: { 200: CommitteeList },
      },
    },
    async (request) => {
      return { items: (await committees.list(request.ctx)).map(presentCommittee) };
    },
  );

  app.post(
    "/api/committees",
    {
      config: { policy: "committee.write" },
      schema: {
        operationId: "createCommittee",
        tags,
        summary: "Thêm Ban Chỉ đạo / Create committee",
        body: CreateCommitteeBody,
        response: { 201: CommitteeSchema },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(presentCommittee(await committees.create(request.ctx, request.body)));
    },
  );

  app.get(
    "/api/committees/:id/members",
    {
      config: read,
      schema: {
        operationId: "listCommitteeMembers",
        tags,
        summary: "Thành viên Ban Chỉ đạo / Committee members",
        params: IdParams,
        querystring: MemberQuery,
        response: { 200: MemberList },
      },
    },
    async (request) => {
      return {
        items: (await committees.members(request.ctx, request.params.id, request.query.activeOn)).map(
          presentMember,
        ),
      };
    },
  );

  app.post(
    "/api/committees/:id/members",
    {
      config: { policy: "committee.write" },
      schema: {
        operationId: "addCommitteeMember",
        tags,
        summary: "Thêm thành viên / Add member",
        params: IdParams,
        body: CreateMemberBody,
        response: { 201: MemberSchema },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(presentMember(await committees.addMember(request.ctx, request.params.id, request.body)));
    },
  );

  app.patch(
    "/api/committee-members/:id",
    {
      config: { policy: "committee.write" },
      schema: {
        operationId: "updateCommitteeMembership",
        tags,
        summary: "Sửa nhiệm kỳ thành viên / Update membership",
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: MemberSchema },
      },
    },
    async (request) => {
      return presentMember(await committees.updateMember(request.ctx, request.params.id, request.body));
    },
  );
}
